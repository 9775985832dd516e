using System.Globalization;
using MxPortal.Domain.Sending;

namespace MxPortal.Infrastructure.Deliveries.Recipients;

/// <summary>How many recipients of a delivery are in <see cref="State"/>; <see cref="Capped"/>: more than
/// <see cref="Data.PageResult{T}.CountCap"/>, counting stopped there.</summary>
public sealed record RecipientStateCount(RecipientState State, int Count, bool Capped)
{
    public string Text => (Capped ? Data.PageResult<RecipientListRow>.CountCap : Count).ToString("N0", CultureInfo.InvariantCulture) + (Capped ? "+" : "");
}
