namespace MxPortal.Infrastructure.Dashboard;

/// <summary>One point of a per-day chart: the day (midnight UTC), the series (a type or a reason) and its count.</summary>
public sealed record DayCount(DateTime Day, string Series, long Count);
