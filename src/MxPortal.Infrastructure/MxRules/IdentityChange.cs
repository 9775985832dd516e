namespace MxPortal.Infrastructure.MxRules;

/// <summary>The outcome of a sending-identity change: empty <see cref="Errors"/> when it was stored.</summary>
public sealed record IdentityChange(IReadOnlyList<string> Errors)
{
    public static IdentityChange Ok { get; } = new([]);

    public bool Applied => Errors.Count == 0;

    public static IdentityChange Refused(string message) => new([message]);
}
