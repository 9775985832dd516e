namespace MxPortal.Web.Components.Shared;

/// <summary>What an import did: the number of rules now stored, or (Count null) every reason the file was refused.</summary>
public sealed record JsonImportResult(int? Count, IReadOnlyList<string> Errors);
