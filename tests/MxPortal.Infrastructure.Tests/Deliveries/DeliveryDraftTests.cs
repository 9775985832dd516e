using MxPortal.Domain.Sending.Waves;
using MxPortal.Infrastructure.Deliveries;

namespace MxPortal.Infrastructure.Tests.Deliveries;

public sealed class DeliveryDraftTests
{
    [Fact]
    public void Validate_WavesOverAHundredPercent_NamesTheWavesFieldOnce()
    {
        var draft = new DeliveryDraft
        {
            Name = "November newsletter",
            Waves = [new Wave(TimeSpan.Zero, null, 60), new Wave(TimeSpan.FromHours(1), null, 50)],
        };

        var error = Assert.Single(draft.Validate(null, []), e => e.Field == nameof(DeliveryDraft.Waves));

        Assert.Equal("Waves: the percentages add up to 110, more than 100.", error.ToString());
    }

    [Fact]
    public void Validate_ABadWave_SaysWhichWave()
    {
        var draft = new DeliveryDraft { Name = "n", Waves = [new Wave(TimeSpan.Zero, 0, null)] };

        var error = Assert.Single(draft.Validate(null, []), e => e.Field == nameof(DeliveryDraft.Waves));

        Assert.StartsWith("Waves: Wave 1, ", error.ToString(), StringComparison.Ordinal);
    }
}
