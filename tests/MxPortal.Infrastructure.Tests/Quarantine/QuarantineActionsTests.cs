using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Access;
using MxPortal.Domain.Bounces;
using MxPortal.Domain.Quarantine;
using MxPortal.Infrastructure.Quarantine;
using MxPortal.Infrastructure.Telemetry;
using MxPortal.Infrastructure.Tests.Data;
using MxPortal.Infrastructure.Tests.Telemetry;

namespace MxPortal.Infrastructure.Tests.Quarantine;

/// <summary>A person's quarantine actions: the service checks the role and the reason, audits, and imports all or nothing.</summary>
[Collection(DataCollection.Name)]
public sealed class QuarantineActionsTests(PostgresFixture postgres)
{
    private static ClaimsPrincipal As(string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, $"{role.ToLowerInvariant()}@example.test"), new Claim(ClaimTypes.Role, role)], "test"));

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Import_WithABadLine_ImportsNothingAndNamesEveryBadLine_ThenAGoodFileQuarantinesAndIsAudited(string provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        await host.MigrateAsync();
        var actions = host.Services.GetRequiredService<QuarantineActions>();
        var seed = new PipelineSeed(host);
        const string Bad = "address,reason\nok@example.test,User unknown\nnot-an-address\n\nfull@example.test;Full of it\n\"quoted@example.test\",Invalid domain\n";

        var refused = await actions.ImportCsvAsync(As(Roles.Operator), new StringReader(Bad), "Known-bad list from the CRM");

        Assert.Equal(["line 3: 'not-an-address' is not an email address.",
            "line 5: 'Full of it' is not a failure reason (e.g. User unknown, Invalid domain, Mailbox full)."], refused.Errors);
        await using (var db = await seed.DbAsync()) Assert.Equal(0, await db.QuarantineRecords.CountAsync());

        var imported = await actions.ImportCsvAsync(As(Roles.Operator),
            new StringReader("ok@example.test,User unknown\nfull@example.test;Mailbox full\nOK@example.test\n\"quoted@example.test\",InvalidDomain\n"),
            "Known-bad list from the CRM");

        Assert.Equal((3, 0, true), (imported.Changed, imported.Unchanged, imported.Succeeded));
        await using var check = await seed.DbAsync();
        var records = await check.QuarantineRecords.Include(r => r.History).OrderBy(r => r.Address).ToListAsync();
        Assert.Equal([("full@example.test", FailureReason.MailboxFull), ("ok@example.test", FailureReason.UserUnknown), ("quoted@example.test", FailureReason.InvalidDomain)],
            records.Select(r => (r.Address, r.Reason!.Value)));
        Assert.All(records, r => Assert.Equal((AddressStatus.Quarantine, "operator@example.test", "Known-bad list from the CRM"),
            (r.Status, r.History.Single().Actor, r.History.Single().Comment)));
        var audit = await check.AuditEntries.SingleAsync();
        Assert.Equal(("operator@example.test", "quarantine.import"), (audit.Actor, audit.Action));
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Release_NeedsTheRoleAndAReason_AndReleasesWithBoth(string provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        await host.MigrateAsync();
        var actions = host.Services.GetRequiredService<QuarantineActions>();
        var seed = new PipelineSeed(host);
        using var metrics = new MetricsProbe(host.Services);
        var transitions = metrics.Collect<long>("mxportal.quarantine.transitions");
        Assert.True((await actions.QuarantineAsync(As(Roles.Administrator), ["a@example.test", "b@example.test"], "Test", FailureReason.UserUnknown)).Succeeded);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => actions.ReleaseAsync(As(Roles.Viewer), ["a@example.test"], "Please"));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => actions.ReleaseAsync(As(Roles.Deliverability), ["a@example.test"], "Please"));
        Assert.Equal(["A reason is required."], (await actions.ReleaseAsync(As(Roles.Operator), ["a@example.test"], "  ")).Errors);
        var released = await actions.ReleaseAsync(As(Roles.Operator), ["A@example.test", "never@example.test"], "Mailbox works again");

        Assert.Equal((1, 1), (released.Changed, released.Unchanged));
        await using var db = await seed.DbAsync();
        var a = await db.QuarantineRecords.Include(r => r.History).SingleAsync(r => r.Address == "a@example.test");
        Assert.Equal(AddressStatus.Valid, a.Status);
        var release = a.History.OrderBy(h => h.Id).Last();
        Assert.Equal((QuarantineEventKind.Release, "operator@example.test", "Mailbox works again"), (release.Kind, release.Actor, release.Comment));
        Assert.Equal(AddressStatus.Quarantine, (await db.QuarantineRecords.SingleAsync(r => r.Address == "b@example.test")).Status);
        Assert.Contains(await db.AuditEntries.ToListAsync(), e => e.Action == "quarantine.release" && e.Details!.Contains("Mailbox works again"));
        Assert.False(await db.QuarantineRecords.AnyAsync(r => r.Address == "never@example.test"));
        Assert.Equal(2, transitions.Sum($"{MetricTags.QuarantineStatus}=quarantine", $"{MetricTags.PreviousStatus}=valid"));
        Assert.Equal(1, transitions.Sum($"{MetricTags.QuarantineStatus}=valid", $"{MetricTags.PreviousStatus}=quarantine"));
        Assert.Equal(3, transitions.Sum());
    }
}
