using System.Net;
using MxPortal.Domain.MxRules;
using MxPortal.Domain.Sending;

namespace MxPortal.Infrastructure.Sending;

/// <summary>What the delivery log keeps of one attempt: outcome, where it went, from which identity, under which budget.</summary>
public sealed record AttemptRecord(
    OutgoingMessage Message,
    AttemptOutcome Outcome,
    DateTime AtUtc,
    string? MxHost = null,
    IPAddress? Address = null,
    int? IdentityId = null,
    BudgetKey? Budget = null);
