namespace MxPortal.Domain.Audit;

/// <summary>One line of the audit trail: who did what to which object, when, with the values before and after.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    /// <summary>UTC.</summary>
    public DateTime AtUtc { get; set; }

    /// <summary>The user name of who acted, or "system" for jobs and start-up.</summary>
    public string Actor { get; set; } = "";

    /// <summary>A stable dotted name, e.g. <c>user.create</c>, <c>mxrule.update</c>.</summary>
    public string Action { get; set; } = "";

    /// <summary>What was acted on, e.g. the user's email or the rule's mask.</summary>
    public string Target { get; set; } = "";

    /// <summary>Human-readable details; for changes, the values before and after.</summary>
    public string? Details { get; set; }
}
