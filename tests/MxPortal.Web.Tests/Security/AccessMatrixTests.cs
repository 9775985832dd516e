using System.Net;
using MxPortal.Web.Components.Layout;

namespace MxPortal.Web.Tests.Security;

/// <summary>
/// Every role against every page and endpoint, over real HTTP on a loopback port. The expectations are written out
/// here, independently of the policy table, so a wrong policy fails a row.
/// </summary>
public sealed class AccessMatrixTests(RolePortalFixture portal) : IClassFixture<RolePortalFixture>
{
    private const string A = "Administrator", D = "Deliverability", O = "Operator", V = "Viewer";

    public static TheoryData<string, string?, bool> Matrix()
    {
        var rows = new (string Path, string[] Allowed)[]
        {
            ("/", [A, D, O, V]),
            ("/deliveries", [A, D, O, V]),
            ("/deliveries/new", [A, O]),
            ("/deliveries/1", [A, D, O, V]),
            ("/deliveries/1/edit", [A, O]),
            ("/deliveries/1/import-issues.csv", [A, D, O, V]),
            ("/deliveries/1/recipients", [A, D, O, V]),
            ("/deliveries/1/recipients.csv", [A, D, O, V]),
            ("/mx-rules", [A, D, O, V]),
            ("/mx-rules/throughput", [A, D, O, V]),
            ("/mx-rules/test", [A, D, O, V]),
            ("/mx-rules/export.json", [A, D, O, V]),
            ("/bounce-rules", [A, D, O, V]),
            ("/bounce-rules/test", [A, D, O, V]),
            ("/bounce-rules/export.json", [A, D, O, V]),
            ("/bounce-log", [A, D, O, V]),
            ("/bounce-log/export.csv", [A, D, O, V]),
            ("/qualification", [A, D, O, V]),
            ("/quarantine", [A, D, O, V]),
            ("/quarantine/someone@example.test", [A, D, O, V]),
            ("/quarantine/export.csv", [A, D, O, V]),
            ("/synchronization", [A, D, O, V]),
            ("/synchronization/suppression", [A, D, O, V]),
            ("/synchronization/api-keys", [A]),
            ("/identities", [A]),
            ("/bounce-mailboxes", [A]),
            ("/users", [A]),
            ("/audit", [A]),
            ("/audit/export.csv", [A]),
            ("/jobs", [A]),
            ("/hangfire", [A]),
            ("/hangfire/recurring", [A]),
        };
        var data = new TheoryData<string, string?, bool>();
        foreach (var (path, allowed) in rows)
        {
            data.Add(path, null, false);
            foreach (var role in new[] { A, D, O, V }) data.Add(path, role, allowed.Contains(role));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Get_IsAllowedOnlyForTheRolesOfThePage(string path, string? role, bool allowed)
    {
        using var client = await portal.ClientAsync(role);
        var response = await client.GetAsync(path);

        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else if (role is null)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
            var denied = await client.GetAsync(response.Headers.Location);
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }
    }

    [Fact]
    public void Matrix_CoversEveryNavigationPage()
    {
        var covered = Matrix().Select(row => (string)row[0]).ToHashSet();
        Assert.All(NavItems.All, item => Assert.Contains(item.Href, covered));
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/metrics")]
    [InlineData("/Account/Login")]
    public async Task PublicEndpoints_AnswerAnonymousRequests(string path)
    {
        using var client = await portal.ClientAsync(null);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
    }

    [Theory]
    [InlineData(A)]
    [InlineData(V)]
    public async Task Logout_WithAntiforgeryToken_SignsOut(string role)
    {
        using var client = await portal.ClientAsync(role);
        var page = await client.GetStringAsync("/");
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Hosting.PortalClient.AntiforgeryToken(page),
        });

        var response = await client.PostAsync("/Account/Logout", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.OriginalString);
        var after = await client.GetAsync("/");
        Assert.StartsWith("/Account/Login", after.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Logout_WithoutAntiforgeryToken_IsRejected()
    {
        using var client = await portal.ClientAsync(V);
        var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode); // still signed in
    }

    [Fact]
    public async Task Login_WithWrongPassword_StaysOnTheFormWithAnError()
    {
        using var client = await portal.ClientAsync(null);
        var response = await Hosting.PortalClient.SignInAsync(client, RolePortalFixture.EmailOf(O), "wrong-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Wrong email or password", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Login_ReturnUrlToAnotherSite_IsIgnored()
    {
        using var client = await portal.ClientAsync(null);
        var page = await client.GetStringAsync("/Account/Login");
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = Hosting.PortalClient.AntiforgeryToken(page),
            ["Input.Email"] = RolePortalFixture.EmailOf(V),
            ["Input.Password"] = RolePortalFixture.Password,
        });
        var response = await client.PostAsync("/Account/Login?ReturnUrl=https%3A%2F%2Fevil.example%2F", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = new Uri(client.BaseAddress!, response.Headers.Location!);
        Assert.Equal(client.BaseAddress!.Authority, location.Authority);
        Assert.Equal("/", location.PathAndQuery);
    }
}
