using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Sending;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.Deliveries;
using MxPortal.Infrastructure.Tests.Data;
using MxPortal.Infrastructure.Tests.Sending;
using MxPortal.TestSupport.Mail;

namespace MxPortal.Infrastructure.Tests.Deliveries;

/// <summary>Deliveries run the way the portal runs them: the real run job against the fixture's dnsmasq and scripted MX hosts.</summary>
internal static class DeliveryRuns
{
    /// <summary>A prepared store (<see cref="DeliveryDrafts.PrepareAsync"/>) whose run job claims <paramref name="batch"/> recipients at a time.</summary>
    public static async Task<DataTestHost> HostAsync(string provider, PostgresFixture postgres, EngineFixture mx, int batch)
    {
        var host = await DataTestHost.CreateAsync(provider, postgres, new Dictionary<string, string?>
        {
            ["Dns:NameServers:0"] = mx.Dns.NameServer,
            ["Sending:SmtpPort"] = mx.SmtpPort.ToString(CultureInfo.InvariantCulture),
            ["Sending:BatchSize"] = batch.ToString(CultureInfo.InvariantCulture),
        });
        await DeliveryDrafts.PrepareAsync(host);
        return host;
    }

    public static async Task RunAsync(DataTestHost host, long id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeliveryRunJob>().RunAsync(id, CancellationToken.None);
    }

    public static async Task<Dictionary<RecipientState, int>> StatesAsync(DataTestHost host, long id)
    {
        await using var db = await Db(host);
        return await db.DeliveryRecipients.Where(r => r.DeliveryId == id).GroupBy(r => r.State).ToDictionaryAsync(g => g.Key, g => g.Count());
    }

    public static Task<AppDbContext> Db(DataTestHost host) => host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    /// <summary>A script that runs <paramref name="action"/> once, when the MX host sees the first recipient.</summary>
    public static SmtpScript OnFirstRecipient(Func<Task> action)
    {
        var done = 0;
        return new SmtpScript
        {
            RecipientReply = _ =>
            {
                if (Interlocked.Exchange(ref done, 1) == 0) action().GetAwaiter().GetResult();
                return null;
            },
        };
    }
}
