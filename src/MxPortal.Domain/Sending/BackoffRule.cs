namespace MxPortal.Domain.Sending;

/// <summary>A reply pattern that says "you are sending too fast or your reputation is low", and how long to back off.</summary>
public sealed record BackoffRule(string Name, string Pattern, TimeSpan Pause);
