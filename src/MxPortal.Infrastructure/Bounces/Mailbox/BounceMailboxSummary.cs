namespace MxPortal.Infrastructure.Bounces.Mailbox;

/// <summary>A mailbox as the settings page shows it: everything but the password.</summary>
public sealed record BounceMailboxSummary(int Id, BounceMailboxSettings Settings, DateTime? LastPollUtc, string? LastPollResult);
