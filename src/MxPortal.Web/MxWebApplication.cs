namespace MxPortal.Web;

/// <summary>
/// The host builder. <c>dotnet run</c> starts in the repository root (see the project's RunWorkingDirectory), so the
/// content root holds the root <c>appsettings.json</c> and <c>wwwroot/</c>; the project folder links to the same files.
/// </summary>
public static class MxWebApplication
{
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        // Note: serves framework and package assets (blazor.web.js, MudBlazor) from the build output outside
        // Development too; a published app has them in wwwroot already and this is then a no-op.
        builder.WebHost.UseStaticWebAssets();
        return builder;
    }
}
