using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.MxRules;
using MxPortal.Domain.Routing;
using MxPortal.Domain.Sending;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.Deliveries;
using MxPortal.Infrastructure.MxRules;

namespace MxPortal.Cli.Deliveries;

/// <summary>
/// <c>mxportal deliver run</c>: runs every Running delivery of the store to completion with the portal's engine,
/// rules and store (headless, for benchmarks). Options default to the benchmark harness's environment
/// (BENCH_DNS, BENCH_SMTP_PORT, BENCH_THROTTLE_FILE). Exits when nothing is due within --max-wait seconds.
/// </summary>
internal static class RunDeliveriesCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var options = CliOptions.Parse(args);
        var dns = options.Get("--dns") ?? Environment.GetEnvironmentVariable("BENCH_DNS");
        var port = options.Get("--port") ?? Environment.GetEnvironmentVariable("BENCH_SMTP_PORT") ?? "25";
        var throttle = options.Get("--throttle") ?? Environment.GetEnvironmentVariable("BENCH_THROTTLE_FILE");
        var sourceIp = options.Get("--source-ip") ?? "127.0.0.1";
        var maxWait = TimeSpan.FromSeconds(int.Parse(options.Get("--max-wait") ?? "3600"));
        var overrides = new Dictionary<string, string?> { ["Sending:SmtpPort"] = port };
        if (dns is not null) overrides["Dns:NameServers:0"] = dns;
        await using var provider = CliHost.Build(options.Rest, overrides);
        var clock = Stopwatch.StartNew();
        await CliHost.PrepareStoreAsync(provider);
        var contexts = provider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var running = await RunningAsync(contexts);
        if (running.Count == 0)
        {
            error.WriteLine("No Running delivery in the store (mxportal deliver import DIR first).");
            return 1;
        }
        if (throttle is not null) await ApplyThrottleAsync(provider, contexts, throttle, running);
        await EnsureIdentityAsync(provider, sourceIp);

        var store = provider.GetRequiredService<DeliveryStore>();
        var time = provider.GetRequiredService<TimeProvider>();
        foreach (var id in running)
        {
            while (true)
            {
                await using (var scope = provider.CreateAsyncScope())
                    await scope.ServiceProvider.GetRequiredService<DeliveryRunJob>().RunAsync(id, CancellationToken.None);
                var next = await store.NextDueAsync(id);
                if (next is null) break;
                var wait = next.Value - time.GetUtcNow().UtcDateTime;
                if (wait > maxWait) break;
                if (wait > TimeSpan.Zero) await Task.Delay(wait);
            }
        }
        await using var db = await contexts.CreateDbContextAsync();
        var counts = await db.DeliveryRecipients.Where(r => running.Contains(r.DeliveryId))
            .GroupBy(r => r.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        int Count(RecipientState s) => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0;
        var seconds = clock.Elapsed.TotalSeconds;
        output.WriteLine($$"""{"deliveries":{{running.Count}},"sent":{{Count(RecipientState.Sent)}},"failed":{{Count(RecipientState.Failed)}},"deferred":{{Count(RecipientState.Deferred)}},"seconds":{{seconds:0.00}},"msgs_per_s":{{Count(RecipientState.Sent) / seconds:0}}}""");
        return Count(RecipientState.Deferred) + Count(RecipientState.InFlight) + Count(RecipientState.Pending) == 0 ? 0 : 1;
    }

    private static async Task<List<long>> RunningAsync(IDbContextFactory<AppDbContext> contexts)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Deliveries.Where(d => d.Status == DeliveryStatus.Running).Select(d => d.Id).ToListAsync();
    }

    private static async Task ApplyThrottleAsync(IServiceProvider provider, IDbContextFactory<AppDbContext> contexts, string file, List<long> deliveries)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var domains = await db.DeliveryRecipients.Where(r => deliveries.Contains(r.DeliveryId)).Select(r => r.Domain).Distinct().ToListAsync();
        var rules = MxRuleSet.Create(ThrottleProfile.Read(file).Rules(domains)).GetOrThrow();
        var change = await provider.GetRequiredService<MxRuleStore>().ImportAsync(CliActor.Principal, MxRuleSetJson.Export(rules));
        if (change.Errors.Count > 0) throw new InvalidOperationException("The throttle profile gives invalid MX rules: " + string.Join("; ", change.Errors));
    }

    private static async Task EnsureIdentityAsync(IServiceProvider provider, string sourceIp)
    {
        var identities = provider.GetRequiredService<SendingIdentityStore>();
        if ((await identities.ListAsync()).Any(i => i.Enabled)) return;
        var identity = new SendingIdentity { PublicId = 1, SourceIp = sourceIp, HeloName = "mxportal.localhost" };
        var change = await identities.SaveAsync(CliActor.Principal, null, identity);
        if (!change.Applied) throw new InvalidOperationException("Could not create the sending identity: " + string.Join("; ", change.Errors));
    }
}
