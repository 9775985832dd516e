namespace MxPortal.Infrastructure.Sync;

/// <summary>
/// One qualification text as a client sends it up: the normalized text (addresses already replaced by <c>*</c>), its
/// MD5 and counts. Never the raw text, which holds recipient addresses.
/// </summary>
public sealed record PushedText(string NormalizedText, string Md5, long Count, DateTime FirstSeenUtc, DateTime LastSeenUtc);
