namespace MxPortal.Infrastructure.Identity;

/// <summary>The outcome of a user-management action: success, or errors keyed by field ("Email", "Password", "Roles", "").</summary>
public sealed record UserOperationResult(IReadOnlyDictionary<string, IReadOnlyList<string>> Errors)
{
    public static UserOperationResult Ok { get; } = new(new Dictionary<string, IReadOnlyList<string>>());

    public bool Succeeded => Errors.Count == 0;

    public static UserOperationResult Fail(string field, string message) =>
        new(new Dictionary<string, IReadOnlyList<string>> { [field] = [message] });

    public IReadOnlyList<string> For(string field) => Errors.TryGetValue(field, out var e) ? e : [];
}
