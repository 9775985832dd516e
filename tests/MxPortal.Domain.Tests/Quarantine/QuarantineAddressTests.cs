using MxPortal.Domain.Quarantine;
using MxPortal.Domain.Sending;

namespace MxPortal.Domain.Tests.Quarantine;

public sealed class QuarantineAddressTests
{
    [Theory]
    [InlineData("someone@example.org", "someone@example.org", "example.org")]
    [InlineData("  John.Doe@Example.COM \t", "john.doe@example.com", "example.com")]
    [InlineData("\"a@b\"@Mail.Example.NET", "\"a@b\"@mail.example.net", "mail.example.net")]
    public void Create_NormalizesAddressAndExtractsDomain(string raw, string address, string domain)
    {
        var record = QuarantineRecord.Create(raw);

        Assert.Equal((address, domain, AddressStatus.Valid), (record.Address, record.Domain, record.Status));
    }

    [Theory]
    [InlineData("Jane@Bücher.de")]
    [InlineData("jane@XN--BCHER-KVA.DE")]
    public void Normalize_AUnicodeDomain_GivesTheKeyOfTheRecipient_SoTheQuarantineHoldsIt(string raw) =>
        Assert.Equal(EmailAddress.Parse("jane@bücher.de").Key, QuarantineAddress.Normalize(raw));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("nobody")]
    [InlineData("@example.org")]
    [InlineData("someone@")]
    [InlineData("some one@example.org")]
    public void TryNormalize_NotAnAddress_IsFalseAndCreateThrows(string? raw)
    {
        Assert.False(QuarantineAddress.TryNormalize(raw, out var address));
        Assert.Equal("", address);
        Assert.Throws<DomainException>(() => QuarantineRecord.Create(raw!));
    }

    [Theory]
    [InlineData("Someone@Example.org", " someone@EXAMPLE.ORG ", true)]
    [InlineData("someone@example.org", "someone@example.org.", false)]
    [InlineData("someone@example.org", "someone2@example.org", false)]
    [InlineData("someone@example.org", "not an address", false)]
    public void AreSame_ComparesCaseInsensitively(string a, string b, bool same) =>
        Assert.Equal(same, QuarantineAddress.AreSame(a, b));
}
