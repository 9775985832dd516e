using MxPortal.Domain.Bounces;
using MxPortal.Infrastructure.Quarantine;

namespace MxPortal.Infrastructure.Tests.Quarantine;

public sealed class KnownBadCsvTests
{
    [Fact]
    public async Task ReadAsync_TheQuarantineExportOfAnotherInstance_TakesTheAddressAndReasonColumnsByName()
    {
        // Note: the header and rows exactly as GET /quarantine/export.csv writes them.
        const string Export = """
            address,domain,status,since_utc,type,reason,error_count,first_error_utc,last_error_utc,last_error_text,delivery_id
            gone@example.com,example.com,Quarantine,2026-11-29T02:41:37Z,Hard,UserUnknown,1,2026-11-29T02:41:37Z,2026-11-29T02:41:37Z,"550 5.1.1 unknown, sorry",7
            full@example.com,example.com,Quarantine,2026-11-29T02:41:37Z,Soft,MailboxFull,3,,,,
            manual@example.com,example.com,Denylisted,2026-11-29T02:41:37Z,,,0,,,,

            """;

        var (rows, errors) = await KnownBadCsv.ReadAsync(new StringReader(Export.ReplaceLineEndings("\r\n")));

        Assert.Empty(errors);
        Assert.Equal([("gone@example.com", FailureReason.UserUnknown), ("full@example.com", FailureReason.MailboxFull),
            ("manual@example.com", FailureReason.NotDefined)], rows.Select(r => (r.Address, r.Reason)));
    }

    [Fact]
    public async Task ReadAsync_WithoutAHeader_StillReadsTheReasonFromTheSecondColumn()
    {
        var (rows, errors) = await KnownBadCsv.ReadAsync(new StringReader("gone@example.com,User unknown\nfull@example.com;Mailbox full\n"));

        Assert.Empty(errors);
        Assert.Equal([("gone@example.com", FailureReason.UserUnknown), ("full@example.com", FailureReason.MailboxFull)], rows.Select(r => (r.Address, r.Reason)));
    }
}
