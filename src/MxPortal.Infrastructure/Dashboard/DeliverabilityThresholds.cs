namespace MxPortal.Infrastructure.Dashboard;

/// <summary>ACC's guidance per mailbox provider, drawn on the dashboard: hard bounces under 2 %, soft bounces at most
/// 10 %, complaints under 0.3 %.</summary>
public static class DeliverabilityThresholds
{
    public const double HardRate = 0.02;
    public const double SoftRate = 0.10;
    public const double ComplaintRate = 0.003;
}
