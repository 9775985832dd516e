using MxPortal.Domain.Sending;

namespace MxPortal.Infrastructure.Deliveries;

/// <summary>What a delivery change did: applied (with the delivery's id), or refused with every reason by field.</summary>
public sealed record DeliveryChange(long? Id, IReadOnlyList<DeliverySettingsError> Errors)
{
    public bool Applied => Errors.Count == 0;

    public static DeliveryChange Ok(long id) => new(id, []);

    public static DeliveryChange Refused(string message, string field = "Delivery") => new(null, [new DeliverySettingsError(field, message)]);
}
