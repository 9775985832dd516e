using MxPortal.Domain.Sync;

namespace MxPortal.Domain.Tests.Sync;

public sealed class SuppressionSetTests
{
    private static SuppressionEntry Entry(string text) => SuppressionEntry.TryParse(text, out var error) ?? throw new InvalidOperationException(error);

    [Theory]
    [InlineData("Someone@Example.COM", "someone@example.com")]
    [InlineData("other@blocked.test", "blocked.test")]
    [InlineData("x@mail.blocked.test", "blocked.test")]
    [InlineData("x@notblocked.test", null)]
    [InlineData("x@example.com", null)]
    public void Match_FindsTheAddressOrItsDomainOrAParentDomain(string address, string? expected)
    {
        var set = new SuppressionSet([Entry("someone@example.com"), Entry("Blocked.Test.")]);

        Assert.Equal(expected, set.Match(address));
    }

    [Theory]
    [InlineData("Bücher.de", "xn--bcher-kva.de", "jane@xn--bcher-kva.de")]
    [InlineData("Jane@Bücher.de", "jane@xn--bcher-kva.de", "jane@xn--bcher-kva.de")]
    public void AnEntryTypedInUnicode_IsStoredInAscii_AndMatchesTheRecipientsOfThatDomain(string text, string stored, string recipient)
    {
        var entry = Entry(text);

        Assert.Equal(stored, entry.Value);
        Assert.Equal(stored, new SuppressionSet([entry]).Match(recipient));
    }

    [Theory]
    [InlineData(" A@Mail.Example.COM. ", new[] { "a@mail.example.com", "mail.example.com", "example.com", "com" })]
    [InlineData("example.com", new[] { "example.com", "com" })]
    public void Candidates_AreTheAddressThenItsDomainAndEachParentDomain_Normalized(string address, string[] expected)
    {
        Assert.Equal(expected, SuppressionSet.Candidates(address));
    }

    [Fact]
    public void Match_OnADomainAlone_FindsItOrAParent()
    {
        var set = new SuppressionSet([Entry("blocked.test")]);

        Assert.Equal("blocked.test", set.Match("blocked.test"));
        Assert.Equal("blocked.test", set.Match("mail.blocked.test"));
        Assert.Null(set.Match("other.test"));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("@example.com", "not an address")]
    [InlineData("a@b@example.com", "not an address")]
    [InlineData("bad domain.test", "not a domain")]
    [InlineData("-x.test", "not a domain")]
    [InlineData("a..test", "empty or too long label")]
    public void TryParse_RefusesWhatIsNeitherAnAddressNorADomain(string text, string reason)
    {
        Assert.Null(SuppressionEntry.TryParse(text, out var error));
        Assert.Contains(reason, error);
    }

    [Fact]
    public void TryParse_TellsAddressesFromDomains()
    {
        Assert.Equal(SuppressionKind.Address, Entry("a@b.test").Kind);
        Assert.Equal(SuppressionKind.Domain, Entry("b.test").Kind);
    }
}
