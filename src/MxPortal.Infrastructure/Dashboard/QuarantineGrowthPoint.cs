namespace MxPortal.Infrastructure.Dashboard;

/// <summary>Addresses in Quarantine or Denylisted at the end of a day, and how many entered and left that day.</summary>
public sealed record QuarantineGrowthPoint(DateTime Day, long Total, long Entered, long Left);
