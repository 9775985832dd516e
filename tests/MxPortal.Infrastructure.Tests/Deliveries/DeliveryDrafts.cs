using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Access;
using MxPortal.Domain.Sending;
using MxPortal.Domain.Sending.Waves;
using MxPortal.Infrastructure.Deliveries;
using MxPortal.Infrastructure.Deliveries.Import;
using MxPortal.Infrastructure.MxRules;
using MxPortal.Infrastructure.Tests.Data;
using MxPortal.Infrastructure.Tests.Identity;

namespace MxPortal.Infrastructure.Tests.Deliveries;

/// <summary>Drafts made the way the portal makes them: through DeliveryService and RecipientImporter, as an Operator.</summary>
internal static class DeliveryDrafts
{
    public static ClaimsPrincipal Operator { get; } = Principals.With("olivia", "op-1", Roles.Operator);
    public static ClaimsPrincipal Viewer { get; } = Principals.With("victor", "view-1", Roles.Viewer);

    public static DeliveryDraft Draft(string name = "Newsletter", IReadOnlyList<Wave>? waves = null, string subject = "Hello {{FirstName}}") => new()
    {
        Name = name,
        Settings = new DeliverySettings { SenderAddress = "news@sender.test", Subject = subject, TextBody = "Hi {{FirstName}}" },
        Waves = waves ?? [],
    };

    /// <summary>A migrated store with the default rules and one identity (127.0.0.1).</summary>
    public static async Task PrepareAsync(DataTestHost host)
    {
        await host.MigrateAsync();
        await host.Services.GetRequiredService<MxRulesSeeder>().SeedAsync();
        var admin = Principals.With("root", "admin-1", Roles.Administrator);
        await host.Services.GetRequiredService<SendingIdentityStore>().SaveAsync(admin, null,
            new Domain.Routing.SendingIdentity { PublicId = 1, SourceIp = "127.0.0.1", HeloName = "out.sender.test" });
    }

    public static async Task<long> CreateAsync(DataTestHost host, DeliveryDraft? draft = null)
    {
        var change = await host.Services.GetRequiredService<DeliveryService>().SaveDraftAsync(Operator, null, draft ?? Draft());
        Assert.True(change.Applied, string.Join(" ", change.Errors));
        return change.Id!.Value;
    }

    public static async Task<RecipientImportResult> ImportAsync(DataTestHost host, long id, string csv)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return await host.Services.GetRequiredService<RecipientImporter>().ImportAsync(Operator, id, stream, stream.Length);
    }

    /// <summary>A draft with these addresses (column FirstName = the local part), imported.</summary>
    public static async Task<long> WithRecipientsAsync(DataTestHost host, IEnumerable<string> addresses, DeliveryDraft? draft = null)
    {
        var id = await CreateAsync(host, draft);
        var result = await ImportAsync(host, id, "email,FirstName\n" + string.Concat(addresses.Select(a => $"{a},{a[..a.IndexOf('@')]}\n")));
        Assert.True(result.Applied, result.Refusal);
        return id;
    }
}
