using MxPortal.Domain.Sync;

namespace MxPortal.Infrastructure.Sync;

/// <summary>
/// Which data types are in Custom mode. MX rules are also Custom while the instance throughput level is Custom,
/// whatever their switch says (<see cref="CustomLevel"/>).
/// </summary>
public sealed record SyncModes(IReadOnlySet<SyncDataType> Switched, bool CustomLevel)
{
    public bool IsCustom(SyncDataType type) => Switched.Contains(type) || (type == SyncDataType.MxRules && CustomLevel);

    public IEnumerable<SyncDataType> CustomTypes => Enum.GetValues<SyncDataType>().Where(IsCustom);
}
