using MxPortal.Domain.MxRules;

namespace MxPortal.Domain.Tests.MxRules;

public sealed class MxRuleSetJsonTests
{
    private const string Header = """{ "format": "mxportal.mx-rules", "version": 1, "rules": [""";
    private const string Generic = """{ "mask": "*", "maxConnections": 5, "maxMessagesPerConnection": 50, "messagesPerHour": 2000 }""";

    [Fact]
    public void Export_then_import_gives_an_identical_rule_set()
    {
        var original = DefaultMxRules.Create().Insert(0, new MxRule
        {
            Mask = "mx?.example.test", Identifiers = "1,4-6", Shared = true, MaxConnections = 3, MaxMessagesPerConnection = 7,
            MessagesPerHour = 99, ConnectionTimeout = TimeSpan.FromSeconds(30), DataTimeout = TimeSpan.FromHours(1),
            Timeout = TimeSpan.FromDays(1), Tls = TlsMode.Required, Enabled = false, Source = RuleSource.Local,
            Comment = "quotes \" and ünicode",
        }).GetOrThrow();

        var json = MxRuleSetJson.Export(original);
        var imported = MxRuleSetJson.Import(json);

        Assert.True(imported.IsValid, string.Join("\n", imported.Errors));
        Assert.Equal(original.Rules, imported.RuleSet!.Rules);
        Assert.Equal(json, MxRuleSetJson.Export(imported.RuleSet));
        Assert.Contains("\"dataTimeout\": \"1h\"", json);
    }

    [Fact]
    public void Absent_optional_fields_take_the_documented_defaults()
    {
        var rule = MxRuleSetJson.Import(Header + Generic + "]}").GetOrThrow().Rules[0];
        Assert.Equal((TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(1), TlsMode.Default, true, RuleSource.Local, false, ""),
            (rule.ConnectionTimeout, rule.DataTimeout, rule.Timeout, rule.Tls, rule.Enabled, rule.Source, rule.Shared, rule.Identifiers));
    }

    [Fact]
    public void An_invalid_file_is_refused_whole_with_every_error()
    {
        var json = Header + """
            { "mask": "*.google.com", "maxConnections": 0, "maxMessagesPerConnection": 10, "messagesPerHour": 100, "timeout": "5 minutes" },
            { "mask": "*.Google.com", "maxMessagesPerConnection": 10, "messagesPerHour": 100, "tls": "Sometimes", "identifiers": "4-2" },
            null,
            """ + Generic + "]}";

        var result = MxRuleSetJson.Import(json);

        Assert.Null(result.RuleSet);
        Assert.Equal(
        [
            "Rule 1 ('*.google.com'), timeout: '5 minutes' is not a duration (write e.g. 10s, 4m, 1h, 1d).",
            "Rule 1 ('*.google.com'), maxConnections: must be a positive whole number (was 0).",
            "Rule 2 ('*.Google.com'), maxConnections: is missing.",
            "Rule 2 ('*.Google.com'), tls: 'Sometimes' is not one of Default, Disabled, Opportunistic, Required.",
            "Rule 2 ('*.Google.com'), mask: duplicates the mask of rule 1.",
            "Rule 2 ('*.Google.com'), identifiers: '4-2' starts after it ends (n1 must be <= n2).",
            "Rule 3 ('?'): is null; expected a rule object.",
        ], result.Errors.Select(e => e.ToString()));
    }

    [Theory]
    [InlineData("{\n  \"format\": \"mxportal.mx-rules\",\n  \"version\": 1,\n  \"rules\": [\n    { \"mask\": \"*\" ,, }\n  ]\n}", 5)]
    [InlineData("{\n  \"format\": \"mxportal.mx-rules\"\n  \"version\": 1 }", 3)]
    [InlineData("{ \"format\": \"mxportal.mx-rules\", \"version\": 1, \"rules\": [\n{ \"mask\": \"*\" }\n", 3)]
    public void A_json_syntax_error_gives_its_line(string json, int line)
    {
        var error = Assert.Single(MxRuleSetJson.Import(json).Errors);
        Assert.Equal(line, error.Line);
        Assert.StartsWith($"Line {line}", error.ToString());
    }

    [Fact]
    public void A_wrong_type_or_unknown_member_names_the_rule_and_line()
    {
        var json = Header + "\n" + Generic.Replace("\"maxConnections\": 5", "\"maxConnections\": \"five\"") + "]}";
        var error = Assert.Single(MxRuleSetJson.Import(json).Errors);
        Assert.Equal("Line 2, rule 1, maxConnections: has the wrong JSON type for this field.", error.ToString());

        var unknown = Header + Generic.Replace("\"mask\"", "\"colour\": 1, \"mask\"") + "]}";
        Assert.Equal("Line 1, rule 1, colour: is not a known field (see docs/mx-rules-json.md).",
            Assert.Single(MxRuleSetJson.Import(unknown).Errors).ToString());
    }

    [Theory]
    [InlineData("""{ "format": "other", "version": 1, "rules": [] }""", "format: must be \"mxportal.mx-rules\" (was \"other\").")]
    [InlineData("""{ "format": "mxportal.mx-rules", "version": 2, "rules": [] }""", "version: must be 1 (was 2).")]
    [InlineData("""{ "format": "mxportal.mx-rules", "version": 1 }""", "rules: the list of rules is missing.")]
    [InlineData("""{ "format": "mxportal.mx-rules", "version": 1, "rules": [] }""", "the generic rule '*' is missing; it must be the last rule.")]
    [InlineData("null", "the file is empty (JSON null).")]
    public void A_wrong_header_or_empty_set_is_refused(string json, string expected) =>
        Assert.EndsWith(expected, Assert.Single(MxRuleSetJson.Import(json).Errors).ToString());
}
