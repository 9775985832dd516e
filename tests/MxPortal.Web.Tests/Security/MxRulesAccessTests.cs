using System.Net;
using System.Text;
using MxPortal.Web.Tests.Hosting;

namespace MxPortal.Web.Tests.Security;

/// <summary>
/// The MX rules feature per role: edit controls are rendered only for roles passing EditRules, and its one mutating
/// HTTP endpoint, POST /mx-rules/import, refuses a Viewer who posts anyway.
/// </summary>
public sealed class MxRulesAccessTests(RolePortalFixture portal) : IClassFixture<RolePortalFixture>
{
    private static async Task<HttpResponseMessage> PostImportAsync(HttpClient client, string json, bool withToken = true)
    {
        var form = new MultipartFormDataContent();
        if (withToken) form.Add(new StringContent(PortalClient.AntiforgeryToken(await client.GetStringAsync("/"))), "__RequestVerificationToken");
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(json)), "file", "rules.json");
        return await client.PostAsync("/mx-rules/import", form);
    }

    private static string WithExtraRule(string exported, string mask) =>
        exported.Replace("\"rules\": [", $"\"rules\": [ {{ \"mask\": \"{mask}\", \"maxConnections\": 1, \"maxMessagesPerConnection\": 1, \"messagesPerHour\": 60 }},",
            StringComparison.Ordinal);

    [Theory]
    [InlineData("Administrator", "/mx-rules", true)]
    [InlineData("Deliverability", "/mx-rules", true)]
    [InlineData("Operator", "/mx-rules", false)]
    [InlineData("Viewer", "/mx-rules", false)]
    [InlineData("Deliverability", "/mx-rules/throughput", true)]
    [InlineData("Viewer", "/mx-rules/throughput", false)]
    public async Task EditControls_AreRenderedOnlyForEditors(string role, string path, bool editor)
    {
        using var client = await portal.ClientAsync(role);
        var html = await client.GetStringAsync(path);

        var controls = path == "/mx-rules"
            ? new[] { "id=\"add-rule\"", "id=\"import-rules\"", "aria-label=\"Move up\"", "aria-label=\"Delete\"" }
            : ["id=\"instance-level\""];
        Assert.All(controls, c => Assert.Equal(editor, html.Contains(c, StringComparison.Ordinal)));
        Assert.Contains(path == "/mx-rules" ? "*.google.com" : "Per-identity overrides", html);
    }

    [Theory]
    [InlineData("Viewer")]
    [InlineData("Operator")]
    public async Task Import_ByARoleWithoutEditRules_IsRefusedAndChangesNothing(string role)
    {
        using var client = await portal.ClientAsync(role);
        var before = await client.GetStringAsync("/mx-rules/export.json");

        var response = await PostImportAsync(client, WithExtraRule(before, $"mx.{role.ToLowerInvariant()}.test"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
        Assert.DoesNotContain($"mx.{role.ToLowerInvariant()}.test", await client.GetStringAsync("/mx-rules/export.json"));
    }

    [Fact]
    public async Task Import_ByDeliverability_ReplacesTheRuleSet()
    {
        using var client = await portal.ClientAsync("Deliverability");
        var before = await client.GetStringAsync("/mx-rules/export.json");

        var response = await PostImportAsync(client, WithExtraRule(before, "mx.imported.test"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"mask\": \"mx.imported.test\"", await client.GetStringAsync("/mx-rules/export.json"));
    }

    [Fact]
    public async Task Import_OfAnInvalidFile_Is400WithEveryErrorAndChangesNothing()
    {
        using var client = await portal.ClientAsync("Deliverability");
        var before = await client.GetStringAsync("/mx-rules/export.json");
        var invalid = before.Replace("\"mask\": \"*\"", "\"mask\": \"**bad mask\"", StringComparison.Ordinal)
            .Replace("\"maxConnections\": 10,", "\"maxConnections\": 0,", StringComparison.Ordinal);

        var response = await PostImportAsync(client, invalid);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("generic rule", body);
        Assert.Contains("maxConnections", body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("is not allowed", body);
        Assert.Equal(before, await client.GetStringAsync("/mx-rules/export.json"));
    }

    [Fact]
    public async Task Import_WithoutAntiforgeryToken_IsRejected()
    {
        using var client = await portal.ClientAsync("Deliverability");
        var before = await client.GetStringAsync("/mx-rules/export.json");

        var response = await PostImportAsync(client, WithExtraRule(before, "mx.forged.test"), withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("mx.forged.test", await client.GetStringAsync("/mx-rules/export.json"));
    }
}
