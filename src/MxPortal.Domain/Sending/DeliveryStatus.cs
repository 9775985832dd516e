namespace MxPortal.Domain.Sending;

public enum DeliveryStatus
{
    Draft = 0,
    Running = 1,
    Paused = 2,
    Completed = 3,
    Cancelled = 4,
}
