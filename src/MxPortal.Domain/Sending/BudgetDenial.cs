namespace MxPortal.Domain.Sending;

public enum BudgetDenial
{
    None,

    /// <summary>This five-minute slice's share of the hourly limit is spent.</summary>
    SliceSpent,

    /// <summary>The last hour already holds the hourly limit (binding for limits under 12 per hour).</summary>
    HourSpent,

    /// <summary>The budget is suspended by a back-off (reputation or rate deferral).</summary>
    Suspended,
}
