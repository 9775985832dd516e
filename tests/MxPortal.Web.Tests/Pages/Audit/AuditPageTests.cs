using System.Globalization;
using MxPortal.Infrastructure.Audit;
using MxPortal.Web.Components.Pages.Audit;

namespace MxPortal.Web.Tests.Pages.Audit;

public sealed class AuditPageTests
{
    [Theory]
    [InlineData("th-TH")]   // Buddhist calendar: the year would read 2569
    [InlineData("ar-SA")]   // Um Al-Qura calendar
    [InlineData("en-US")]
    public void ExportLink_WritesItsDatesInTheInvariantCulture_WhateverTheServerCulture(string culture)
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo(culture);
        try
        {
            var url = AuditPage.ExportUrlFor(new AuditQuery("ann@example.org", null, "bounce rule",
                new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 29, 0, 0, 0, DateTimeKind.Utc)));

            Assert.Equal("/audit/export.csv?actor=ann%40example.org&text=bounce%20rule&from=2026-11-01T00%3A00%3A00Z&to=2026-11-29T00%3A00%3A00Z", url);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
