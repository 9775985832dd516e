namespace MxPortal.Domain.Sending;

/// <summary>One problem with a delivery's settings, named by the <see cref="DeliverySettings"/> property it is about.</summary>
public sealed record DeliverySettingsError(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
