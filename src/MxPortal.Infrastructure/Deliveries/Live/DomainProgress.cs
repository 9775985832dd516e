namespace MxPortal.Infrastructure.Deliveries.Live;

/// <summary>One recipient domain of a delivery: how many recipients, and how many have a final outcome.</summary>
public sealed record DomainProgress(string Domain, int Total, int Sent, int Failed, int Skipped)
{
    public int Done => Sent + Failed + Skipped;

    public double Percent => Total == 0 ? 0 : 100.0 * Done / Total;
}
