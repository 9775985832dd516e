using MxPortal.Domain.Sending.Waves;

namespace MxPortal.Domain.Tests.Sending.Waves;

public sealed class WaveScheduleTests
{
    private static readonly DateTime Start = new(2026, 11, 27, 8, 0, 0, DateTimeKind.Utc);

    private static Wave Size(int hours, int size) => Wave.OfSize(TimeSpan.FromHours(hours), size);

    private static Wave Pct(int hours, double percent) => Wave.OfPercent(TimeSpan.FromHours(hours), percent);

    public static TheoryData<Wave[], int, (int First, int Count)[]> Plans => new()
    {
        // sizes, the last wave takes the remainder whatever its size says
        { [Size(0, 100), Size(1, 200), Size(2, 1)], 1000, [(0, 100), (100, 200), (300, 700)] },
        // percentages of the whole list, rounded down; last takes the rest
        { [Pct(0, 10), Pct(1, 30), Pct(4, 60)], 1001, [(0, 100), (100, 300), (400, 601)] },
        // fewer recipients than the first waves ask for: later waves are empty
        { [Size(0, 50), Size(1, 50), Pct(2, 10)], 60, [(0, 50), (50, 10), (60, 0)] },
        // mixed
        { [Size(0, 10), Pct(6, 50), Size(24, 1)], 100, [(0, 10), (10, 50), (60, 40)] },
        { [Pct(0, 10)], 0, [(0, 0)] },
    };

    [Theory]
    [MemberData(nameof(Plans))]
    public void Plan_SplitsTheListInOrder(Wave[] waves, int total, (int First, int Count)[] expected)
    {
        var slots = WaveSchedule.Create(waves).Plan(Start, total);

        Assert.Equal(expected, slots.Select(s => (s.FirstIndex, s.Count)));
        Assert.Equal(waves.Select(w => Start + w.Offset), slots.Select(s => s.StartUtc));
        Assert.Equal(total, slots.Sum(s => s.Count));
    }

    [Fact]
    public void NoWaves_MeansEveryoneAtTheStart() =>
        Assert.Equal(new WaveSlot(1, Start, 0, 42), Assert.Single(WaveSchedule.Create([]).Plan(Start, 42)));

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(0, 100)]
    [InlineData(59, 100)]
    [InlineData(60, 300)]
    [InlineData(119, 300)]
    [InlineData(120, 1000)]
    [InlineData(100000, 1000)]
    public void ReleasedBy_CountsTheWavesStartedByThen(int minutes, int released)
    {
        var schedule = WaveSchedule.Create([Size(0, 100), Size(1, 200), Size(2, 1)]);

        Assert.Equal(released, schedule.ReleasedBy(TimeSpan.FromMinutes(minutes), 1000));
    }

    [Fact]
    public void ReleasedBy_FirstWaveLater_NothingBefore() =>
        Assert.Equal(0, WaveSchedule.Create([Size(3, 5)]).ReleasedBy(TimeSpan.FromHours(2), 10));

    public static TheoryData<Wave[], string[]> Invalid => new()
    {
        { [Size(1, 10), Size(1, 10)], ["Wave 2, Offset: must come after wave 1's offset (01:00:00)."] },
        { [Size(2, 10), Size(1, 10)], ["Wave 2, Offset: must come after wave 1's offset (02:00:00)."] },
        { [Wave.OfSize(TimeSpan.FromHours(-1), 10)], ["Wave 1, Offset: must not be negative."] },
        { [Size(0, 0), Size(1, -5)], ["Wave 1, Size: must be positive (was 0).", "Wave 2, Size: must be positive (was -5)."] },
        { [Pct(0, 0), Pct(1, 101)], ["Wave 1, Percent: must be more than 0 and at most 100 (was 0).", "Wave 2, Percent: must be more than 0 and at most 100 (was 101).", "Waves: the percentages add up to 101, more than 100."] },
        { [Pct(0, 60), Pct(1, 50)], ["Waves: the percentages add up to 110, more than 100."] },
        { [new Wave(TimeSpan.Zero, 5, 5), new Wave(TimeSpan.FromHours(1), null, null)], ["Wave 1, Size: give either a size or a percentage, not both or neither.", "Wave 2, Size: give either a size or a percentage, not both or neither."] },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_ReturnsEveryError(Wave[] waves, string[] expected)
    {
        Assert.Equal(expected, WaveSchedule.Validate(waves).Select(e => e.ToString()));
        Assert.Throws<DomainException>(() => WaveSchedule.Create(waves));
    }
}
