namespace MxPortal.Infrastructure.Deliveries;

/// <summary>Names who holds a lease (a run's recipients, an import's draft): this machine, this process, this holder.</summary>
internal static class LeaseOwner
{
    /// <summary>A new owner name; the columns hold 100 characters, so a long machine name loses its start, never the unique part.</summary>
    public static string New()
    {
        var owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
        return owner.Length <= 100 ? owner : owner[^100..];
    }
}
