namespace MxPortal.Domain.Sync;

public enum ChangeKind
{
    Added = 0,
    Changed = 1,
    Removed = 2,
}
