using MxPortal.Domain.Sending;

namespace MxPortal.Domain.Tests.Sending;

public sealed class DeliverySettingsTests
{
    private static readonly DeliverySettings Valid = new()
    {
        SenderAddress = "news@shop.example",
        ReplyToAddress = "help@shop.example",
        Subject = "Hello {{FirstName}}",
        HtmlBody = "<p>Hi {{FirstName}}</p>",
    };

    [Fact]
    public void Defaults_AreAccs()
    {
        var settings = new DeliverySettings();

        Assert.Equal((TimeSpan.FromDays(5), TimeSpan.FromHours(1), 5), (settings.Validity, settings.RetryPeriod, settings.RetryCount));
        Assert.Equal(RetryPolicy.Default, settings.RetryPolicy);
    }

    [Fact]
    public void Validate_ValidSettings_HasNoError() => Assert.Empty(Valid.Validate(["FirstName"]));

    [Fact]
    public void Validate_EmptySettings_ReportsEveryRequiredField()
    {
        var fields = new DeliverySettings().Validate().Select(e => e.Field);

        Assert.Equal(new[] { "SenderAddress", "Subject", "HtmlBody" }, fields);
    }

    public static TheoryData<DeliverySettings, string, string> Broken => new()
    {
        { Valid with { SenderAddress = "news.shop.example" }, "SenderAddress", "no '@'" },
        { Valid with { ReplyToAddress = "help@shop" }, "ReplyToAddress", "no dot" },
        { Valid with { SenderName = "Shop\r\nBcc: x@y.z" }, "SenderName", "one line" },
        { Valid with { Subject = "  " }, "Subject", "required" },
        { Valid with { Subject = "a\nb" }, "Subject", "one line" },
        { Valid with { Subject = new string('s', 999) }, "Subject", "998" },
        { Valid with { HtmlBody = null, TextBody = " " }, "HtmlBody", "text body" },
        { Valid with { Validity = TimeSpan.Zero }, "Validity", "more than 0" },
        { Valid with { Validity = TimeSpan.FromDays(31) }, "Validity", "30 days" },
        { Valid with { RetryPeriod = TimeSpan.FromMinutes(-1) }, "RetryPeriod", "positive" },
        { Valid with { RetryPeriod = TimeSpan.FromDays(6) }, "RetryPeriod", "no retry" },
        { Valid with { RetryCount = -1 }, "RetryCount", "between 0" },
        { Valid with { TextBody = "Hi {{Name" }, "TextBody", "never closed" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Validate_BrokenField_IsNamed(DeliverySettings settings, string field, string message)
    {
        var error = Assert.Single(settings.Validate(["FirstName"]));

        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Validate_WithColumns_ReportsUnknownFieldsOnTheirPart()
    {
        var settings = Valid with { TextBody = "Bye {{LastName}}" };

        var errors = settings.Validate(["Email"]);

        Assert.Equal(new[] { "Subject", "HtmlBody", "TextBody" }, errors.Select(e => e.Field));
        Assert.Empty(settings.Validate());
    }
}
