namespace MxPortal.Domain.Access;

/// <summary>
/// Authorization policies: what each role may do. Pages, endpoints and services all check these names,
/// so the access rules live here and nowhere else.
/// </summary>
public static class Policies
{
    public const string Read = "Read";
    public const string ManageUsers = "ManageUsers";
    public const string ReadAudit = "ReadAudit";
    public const string Jobs = "Jobs";
    public const string EditRules = "EditRules";
    public const string OperateDeliveries = "OperateDeliveries";
    public const string ReleaseQuarantine = "ReleaseQuarantine";
    public const string ManageIdentities = "ManageIdentities";
    public const string ManageMailboxes = "ManageMailboxes";
    public const string ManageApiKeys = "ManageApiKeys";

    /// <summary>The roles each policy admits.</summary>
    public static IReadOnlyDictionary<string, string[]> RolesFor { get; } = new Dictionary<string, string[]>
    {
        [Read] = [Roles.Administrator, Roles.Deliverability, Roles.Operator, Roles.Viewer],
        [ManageUsers] = [Roles.Administrator],
        [ReadAudit] = [Roles.Administrator],
        [Jobs] = [Roles.Administrator],
        [EditRules] = [Roles.Administrator, Roles.Deliverability],
        [OperateDeliveries] = [Roles.Administrator, Roles.Operator],
        [ReleaseQuarantine] = [Roles.Administrator, Roles.Operator],
        // Note: sending identities are source IPs of the machine, an infrastructure matter, hence Administrators only.
        [ManageIdentities] = [Roles.Administrator],
        [ManageMailboxes] = [Roles.Administrator],
        // Note: an API key opens the publisher's rule feed to another instance, an access decision like a user account.
        [ManageApiKeys] = [Roles.Administrator],
    };

    public static bool Allows(string policy, Func<string, bool> isInRole) =>
        RolesFor.TryGetValue(policy, out var roles) && roles.Any(isInRole);
}
