using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using MxPortal.Domain.Access;
using MxPortal.Web.Components.Pages.Quarantine;

namespace MxPortal.Web.Tests.Pages.Quarantine;

public sealed class ImportCsvDialogTests
{
    [Fact]
    public async Task AFileTooLarge_AfterAGoodOne_LeavesNothingToImport_NotTheEarlierFile()
    {
        await using var ctx = await PortalComponentContext.CreateAsync("operator@example.test", "op-id", Roles.Operator);
        var page = ctx.Bunit.Render<QuarantinePage>();
        _ = page.Find("#import-csv").ClickAsync(new());
        ctx.Providers.WaitForAssertion(() => Assert.NotNull(ctx.Providers.Find("#confirm-import")));
        ctx.Providers.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("old@example.test\n", "old.csv"));
        ctx.Providers.WaitForAssertion(() => Assert.Equal("old.csv", ctx.Providers.Find("#import-file-name").TextContent));

        ctx.Providers.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(new byte[11 * 1024 * 1024], "huge.csv"));

        ctx.Providers.WaitForAssertion(() => Assert.Contains("larger than 10 MB", ctx.Providers.Find(".import-error").TextContent));
        Assert.True(ctx.Providers.Find("#confirm-import").HasAttribute("disabled"));
        Assert.Empty(ctx.Providers.FindAll("#import-file-name"));
    }
}
