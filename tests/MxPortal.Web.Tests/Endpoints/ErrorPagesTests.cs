using System.Net;
using MxPortal.Web.Tests.Hosting;

namespace MxPortal.Web.Tests.Endpoints;

public sealed class ErrorPagesTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    [Fact]
    public async Task UnknownAddress_Is404WithAPageThatSaysSo()
    {
        var response = await _factory.CreateClient().GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("There is nothing at this address", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ErrorPage_ExplainsAndGivesARequestId()
    {
        var html = await _factory.CreateClient().GetStringAsync("/Error");

        Assert.Contains("Something went wrong", html);
        Assert.Contains("id=\"request-id\"", html);
    }

    public void Dispose() => _factory.Dispose();
}
