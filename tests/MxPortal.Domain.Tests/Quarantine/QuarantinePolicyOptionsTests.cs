using Microsoft.Extensions.Time.Testing;
using MxPortal.Domain.Quarantine;

namespace MxPortal.Domain.Tests.Quarantine;

public sealed class QuarantinePolicyOptionsTests
{
    public static TheoryData<string, QuarantinePolicyOptions> InvalidOptions => new()
    {
        { "QuarantineThreshold", new() { QuarantineThreshold = 0 } },
        { "QuarantineThreshold", new() { QuarantineThreshold = -3 } },
        { "SignificantErrorDelay", new() { SignificantErrorDelay = TimeSpan.Zero } },
        { "SignificantErrorDelay", new() { SignificantErrorDelay = TimeSpan.FromHours(-1) } },
        { "WithErrorsResetAfter", new() { WithErrorsResetAfter = TimeSpan.Zero } },
        { "MailboxFullReleaseAfter", new() { MailboxFullReleaseAfter = TimeSpan.FromDays(-30) } },
    };

    [Fact]
    public void Defaults_AreDomainMdValuesAndValid()
    {
        var options = new QuarantinePolicyOptions();

        Assert.Equal((3, TimeSpan.FromDays(1), TimeSpan.FromDays(10), TimeSpan.FromDays(30)),
            (options.QuarantineThreshold, options.SignificantErrorDelay, options.WithErrorsResetAfter, options.MailboxFullReleaseAfter));
        Assert.Empty(options.Validate());
    }

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Validate_NonPositiveValue_NamesTheKeyAndPolicyRefusesIt(string key, QuarantinePolicyOptions options)
    {
        var error = Assert.Single(options.Validate());

        Assert.StartsWith($"Quarantine:{key}:", error, StringComparison.Ordinal);
        var thrown = Assert.Throws<DomainException>(() => new QuarantinePolicy(options, new FakeTimeProvider()));
        Assert.Contains(key, thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Policy_CopiesOptions_SoLaterEditsDoNotChangeIt()
    {
        var options = new QuarantinePolicyOptions { QuarantineThreshold = 1 };
        var policy = new QuarantinePolicy(options, new FakeTimeProvider());
        options.QuarantineThreshold = 3;
        var record = QuarantineRecord.Create("someone@example.org");

        policy.Apply(record, Q.Soft("b1"));

        Assert.Equal(AddressStatus.Quarantine, record.Status);
    }
}
