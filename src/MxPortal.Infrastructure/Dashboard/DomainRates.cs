namespace MxPortal.Infrastructure.Dashboard;

/// <summary>
/// A domain's counts over the dashboard's window. Bounce rates are per synchronous attempt (the messages offered to the
/// domain, retries included, since each deferral is a soft bounce); the complaint rate is per message accepted.
/// </summary>
public sealed record DomainRates(string Domain, long Attempts, long Sent, long HardBounces, long SoftBounces, long Complaints)
{
    public double HardRate => Attempts == 0 ? 0 : (double)HardBounces / Attempts;
    public double SoftRate => Attempts == 0 ? 0 : (double)SoftBounces / Attempts;
    public double ComplaintRate => Sent == 0 ? 0 : (double)Complaints / Sent;

    public bool HardAbove => HardRate >= DeliverabilityThresholds.HardRate;
    public bool SoftAbove => SoftRate > DeliverabilityThresholds.SoftRate;
    public bool ComplaintsAbove => ComplaintRate >= DeliverabilityThresholds.ComplaintRate;
    public bool IsAboveAThreshold => HardAbove || SoftAbove || ComplaintsAbove;
}
