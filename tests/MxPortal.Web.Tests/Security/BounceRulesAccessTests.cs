using System.Net;
using System.Text;
using MxPortal.Web.Tests.Hosting;

namespace MxPortal.Web.Tests.Security;

/// <summary>
/// The bounce rules feature per role: edit controls are rendered only for roles passing EditRules, and
/// POST /bounce-rules/import refuses a role without it and lists every error of a bad file.
/// </summary>
public sealed class BounceRulesAccessTests(RolePortalFixture portal) : IClassFixture<RolePortalFixture>
{
    private static async Task<HttpResponseMessage> PostImportAsync(HttpClient client, string json)
    {
        var form = new MultipartFormDataContent();
        form.Add(new StringContent(PortalClient.AntiforgeryToken(await client.GetStringAsync("/"))), "__RequestVerificationToken");
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(json)), "file", "rules.json");
        return await client.PostAsync("/bounce-rules/import", form);
    }

    private static string WithExtraRule(string exported, string name, string pattern) =>
        exported.Replace("\"rules\": [", $"\"rules\": [ {{ \"name\": \"{name}\", \"pattern\": \"{pattern}\", \"type\": \"Soft\", \"reason\": \"Refused\" }},",
            StringComparison.Ordinal);

    [Theory]
    [InlineData("Administrator", true)]
    [InlineData("Deliverability", true)]
    [InlineData("Operator", false)]
    [InlineData("Viewer", false)]
    public async Task EditControls_AreRenderedOnlyForEditors(string role, bool editor)
    {
        using var client = await portal.ClientAsync(role);
        var html = await client.GetStringAsync("/bounce-rules");

        Assert.All(["id=\"add-rule\"", "id=\"import-rules\"", "aria-label=\"Move up\""],
            c => Assert.Equal(editor, html.Contains(c, StringComparison.Ordinal)));
        Assert.Contains("auto-reply", html);
        Assert.Contains("href=\"/bounce-rules/test\"", html);
    }

    [Theory]
    [InlineData("Viewer")]
    [InlineData("Operator")]
    public async Task Import_ByARoleWithoutEditRules_IsRefusedAndChangesNothing(string role)
    {
        using var client = await portal.ClientAsync(role);
        var before = await client.GetStringAsync("/bounce-rules/export.json");

        var response = await PostImportAsync(client, WithExtraRule(before, $"by-{role}", "x"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
        Assert.Equal(before, await client.GetStringAsync("/bounce-rules/export.json"));
    }

    [Fact]
    public async Task Import_ByDeliverability_AddsTheRuleAndABadPatternIsRefusedNamingIt()
    {
        using var client = await portal.ClientAsync("Deliverability");
        var before = await client.GetStringAsync("/bounce-rules/export.json");

        var bad = await PostImportAsync(client, WithExtraRule(before, "broken-one", "("));
        var good = await PostImportAsync(client, WithExtraRule(before, "imported-one", "quibble"));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("rule 'broken-one': the pattern does not compile", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Contains("\"name\": \"imported-one\"", await client.GetStringAsync("/bounce-rules/export.json"));
    }
}
