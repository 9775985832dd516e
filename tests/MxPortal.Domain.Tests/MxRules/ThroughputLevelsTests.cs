using MxPortal.Domain.MxRules;

namespace MxPortal.Domain.Tests.MxRules;

public sealed class ThroughputLevelsTests
{
    [Theory]
    [InlineData(ThroughputLevel.Slow, 0.25)]
    [InlineData(ThroughputLevel.Normal, 1)]
    [InlineData(ThroughputLevel.Fast, 1.5)]
    [InlineData(ThroughputLevel.VeryFast, 2)]
    [InlineData(ThroughputLevel.Boost, 3)]
    [InlineData(ThroughputLevel.Custom, 1)]
    public void Default_factors_are_those_of_the_domain_reference(ThroughputLevel level, double factor) =>
        Assert.Equal((decimal)factor, ThroughputLevels.Default.Factor(level));

    [Fact]
    public void Factors_are_data_a_published_table_changes_the_scaling()
    {
        var factors = new Dictionary<ThroughputLevel, decimal>(ThroughputLevels.Default.Factors) { [ThroughputLevel.Boost] = 5m };
        Assert.Equal(5_000, ThroughputLevels.Create(factors).Scale(1_000, ThroughputLevel.Boost));
    }

    [Fact]
    public void Validate_lists_every_bad_factor()
    {
        var factors = new Dictionary<ThroughputLevel, decimal>
        {
            [ThroughputLevel.Slow] = 0m,
            [ThroughputLevel.Normal] = 1m,
            [ThroughputLevel.Fast] = 1.5m,
            [ThroughputLevel.VeryFast] = 2m,
            [ThroughputLevel.Custom] = 2m,
        };
        Assert.Equal(
        [
            "Throughput level Slow: the factor must be above 0 and at most 100 (was 0).",
            "Throughput level Boost: the factor is missing.",
            "Throughput level Custom: the factor must be 1, rules as written (was 2).",
        ], ThroughputLevels.Validate(factors));
        Assert.Throws<DomainException>(() => ThroughputLevels.Create(factors));
    }

    [Theory]
    [InlineData(1, ThroughputLevel.Boost)]     // override
    [InlineData(2, ThroughputLevel.Slow)]      // override
    [InlineData(3, ThroughputLevel.Normal)]    // instance level
    public void LevelFor_prefers_the_identity_override(int publicId, ThroughputLevel expected)
    {
        var settings = new ThroughputSettings(ThroughputLevel.Normal,
            new Dictionary<int, ThroughputLevel> { [1] = ThroughputLevel.Boost, [2] = ThroughputLevel.Slow });
        Assert.Equal(expected, settings.LevelFor(publicId));
    }
}
