namespace MxPortal.Domain.Access;

/// <summary>The team roles. Names are stored in the database: never rename one.</summary>
public static class Roles
{
    /// <summary>Everything, including users and the jobs dashboard.</summary>
    public const string Administrator = "Administrator";

    /// <summary>Edits MX and bounce rules, qualifies bounces, sets the throughput level, runs synchronization.</summary>
    public const string Deliverability = "Deliverability";

    /// <summary>Creates, starts and pauses deliveries; releases addresses from quarantine.</summary>
    public const string Operator = "Operator";

    /// <summary>Reads everything a team may read; changes nothing.</summary>
    public const string Viewer = "Viewer";

    public static IReadOnlyList<string> All { get; } = [Administrator, Deliverability, Operator, Viewer];
}
