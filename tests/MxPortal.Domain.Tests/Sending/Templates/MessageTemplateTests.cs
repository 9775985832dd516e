using MxPortal.Domain.Sending.Templates;

namespace MxPortal.Domain.Tests.Sending.Templates;

public sealed class MessageTemplateTests
{
    private static readonly Dictionary<string, string> Ann = new(StringComparer.OrdinalIgnoreCase)
    {
        ["FirstName"] = "Ann <b>&</b>",
        ["City"] = "Lyon",
    };

    [Theory]
    [InlineData("Hi {{FirstName}}!", "Hi Ann <b>&</b>!")]
    [InlineData("Hi {{ firstname }} from {{CITY}}", "Hi Ann <b>&</b> from Lyon")]
    [InlineData("{{City}}{{City}}", "LyonLyon")]
    [InlineData("no fields { } }}", "no fields { } }}")]
    [InlineData("literal {{{{City}}", "literal {{City}}")]
    public void Render_Text_InsertsValuesAsGiven(string template, string expected) =>
        Assert.Equal(expected, MessageTemplate.Compile("s", null, template).Render(Ann).Text);

    [Fact]
    public void Render_HtmlEncodesValuesInTheHtmlBodyOnly()
    {
        var message = MessageTemplate.Compile("To {{FirstName}}", "<p>{{FirstName}} &amp; co</p>", "{{FirstName}}").Render(Ann);

        Assert.Equal("<p>Ann &lt;b&gt;&amp;&lt;/b&gt; &amp; co</p>", message.Html);
        Assert.Equal("Ann <b>&</b>", message.Text);
        Assert.Equal("To Ann <b>&</b>", message.Subject);
    }

    [Fact]
    public void Render_SubjectValueWithLineBreaks_StaysOnOneLine()
    {
        var fields = new Dictionary<string, string> { ["Name"] = "Ann\r\nBcc: evil@example.com" };

        Assert.Equal("Hi Ann Bcc: evil@example.com", MessageTemplate.Compile("Hi {{Name}}", null, "x").Render(fields).Subject);
    }

    [Fact]
    public void Render_OrdinalDictionary_StillMatchesCaseInsensitively()
    {
        var fields = new Dictionary<string, string> { ["firstname"] = "Bo" };

        Assert.Equal("Bo", MessageTemplate.Compile("{{FirstName}}", null, null).Render(fields).Subject);
    }

    [Fact]
    public void Render_MissingBody_IsNull() =>
        Assert.Equal(new RenderedMessage("s", null, "t"), MessageTemplate.Compile("s", "", "t").Render(Ann));

    [Fact]
    public void Validate_ListsEveryUnknownFieldWithItsPartAndPlace()
    {
        var template = MessageTemplate.Compile(
            "Hi {{Name}}",
            "<p>{{FirstName}}</p>\n<p>{{Code}} {{code}} {{Name}}</p>",
            "{{Town}}");

        var errors = template.Validate(["email", " firstname "]);

        Assert.Equal(
            new[] { (TemplatePart.Subject, 1, 4, "Name"), (TemplatePart.Html, 2, 4, "Code"), (TemplatePart.Html, 2, 22, "Name"), (TemplatePart.Text, 1, 1, "Town") },
            errors.Select(e => (e.Part, e.Line, e.Column, e.Field!)));
        Assert.Contains("'{{Code}}' names no column", errors[1].Message);
        Assert.Equal(new[] { "Name", "FirstName", "Code", "Town" }, template.Fields);
    }

    [Theory]
    [InlineData("Hi {{Name", 1, 4, "never closed")]
    [InlineData("a\nb {{Na\nme}}", 2, 3, "same line")]
    [InlineData("x {{  }}", 1, 3, "no field name")]
    [InlineData("{{{Name}}}", 1, 1, "same line")]
    public void Validate_SyntaxError_IsReportedWithItsPlace(string text, int line, int column, string message)
    {
        var template = MessageTemplate.Compile("s", null, text);

        var error = Assert.Single(template.Validate(["Name"]));

        Assert.Equal((TemplatePart.Text, line, column, (string?)null), (error.Part, error.Line, error.Column, error.Field));
        Assert.Contains(message, error.Message);
        Assert.Throws<DomainException>(() => template.Render(Ann));
    }

    [Fact]
    public void Validate_KnownFields_IsEmpty() =>
        Assert.Empty(MessageTemplate.Compile("{{firstname}}", "{{City}}", null).Validate(["FirstName", "City"]));
}
