using MxPortal.Domain.Routing;

namespace MxPortal.Domain.Tests.Routing;

public sealed class SendingIdentityValidatorTests
{
    private static readonly SendingIdentity Good = new() { PublicId = 1, SourceIp = "2001:db8::1", HeloName = "out1.example.test" };

    public static TheoryData<SendingIdentity, string> Broken => new()
    {
        { Good with { PublicId = -1 }, "Identity -1, PublicId: must not be negative." },
        { Good with { SourceIp = "300.1.1.1" }, "Identity 1, SourceIp: '300.1.1.1' is not an IP address." },
        { Good with { HeloName = "-bad.example" }, "Identity 1, HeloName: '-bad.example' is not a host name." },
        { Good with { HeloName = "a..b" }, "Identity 1, HeloName: 'a..b' is not a host name." },
        { Good with { Weight = 0 }, "Identity 1, Weight: must be a positive whole number (was 0)." },
        { Good with { ExcludeDomains = ["bad mask"] }, "Identity 1, domain mask: 'bad mask': ' ' is not allowed (letters, digits, '-', '_', '.', '*' and '?' only)." },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Each_broken_field_is_named(SendingIdentity identity, string expected) =>
        Assert.Equal(expected, Assert.Single(SendingIdentityValidator.Validate([identity])));

    [Fact]
    public void Duplicate_public_ids_and_source_ips_are_refused() =>
        Assert.Equal(
            ["Identity 1, PublicId: is used by another identity.", "Identity 1, SourceIp: 2001:db8::1 is used by another identity."],
            SendingIdentityValidator.Validate([Good, Good with { HeloName = "other.example.test" }]));

    [Fact]
    public void A_good_identity_has_no_errors() => Assert.Empty(SendingIdentityValidator.Validate([Good]));
}
