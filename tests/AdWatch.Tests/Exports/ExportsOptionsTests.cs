using AdWatch.Exports;
using AdWatch.Exports.Webhooks;
using AdWatch.Exports.Zgw;

namespace AdWatch.Tests.Exports;

public sealed class ExportsOptionsTests
{
    [Fact]
    public void Validate_PassesTheDefaults_WithBothTargetsOff() => new ExportsOptions().Validate().ShouldBeEmpty();

    [Fact]
    public void Validate_PassesACompleteZgwAndWebhook() => Complete().Validate().ShouldBeEmpty();

    [Theory]
    [InlineData("Bronorganisatie", "123456789", "Exports:Zgw:Bronorganisatie")]
    [InlineData("VerantwoordelijkeOrganisatie", "12345", "Exports:Zgw:VerantwoordelijkeOrganisatie")]
    [InlineData("DocumentenApiUrl", "not a url", "Exports:Zgw:DocumentenApiUrl")]
    [InlineData("Zaaktype", "ftp://c.test/zt", "Exports:Zgw:Zaaktype")]
    [InlineData("Informatieobjecttype", "", "Exports:Zgw:Informatieobjecttype")]
    [InlineData("ClientId", " ", "Exports:Zgw:ClientId")]
    [InlineData("Secret", "", "Exports:Zgw:Secret")]
    [InlineData("Vertrouwelijkheidaanduiding", "topsecret", "Exports:Zgw:Vertrouwelijkheidaanduiding")]
    [InlineData("IdentificatiePrefix", "A-PREFIX-LONGER-THAN-20", "Exports:Zgw:IdentificatiePrefix")]
    public void Validate_NamesTheZgwSetting(string property, string value, string setting)
    {
        var options = Complete();
        typeof(ZgwOptions).GetProperty(property)!.SetValue(options.Zgw, value);

        options.Validate().ShouldHaveSingleItem().ShouldStartWith(setting);
    }

    [Theory]
    [InlineData("whsec_tooshort")]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    [InlineData("whsec_!!!notbase64!!!notbase64!!!")]
    public void Validate_RefusesAWebhookSecretThatIsNotWhsec(string secret)
    {
        var options = Complete();
        options.Webhook.Secret = secret;

        options.Validate().ShouldHaveSingleItem().ShouldStartWith("Exports:Webhook:Secret");
    }

    [Fact]
    public void Validate_ChecksRetrySettings()
    {
        var options = new ExportsOptions { MaxAttempts = 0, RetryDelays = [TimeSpan.FromSeconds(-1)] };

        options.Validate().ShouldBe(["Exports:MaxAttempts must be between 1 and 50.", "Exports:RetryDelays must each be between 0 and 2 days."]);
    }

    [Fact]
    public void EffectiveRetryDelays_BackOff_WhenNoneAreConfigured() =>
        new ExportsOptions().EffectiveRetryDelays.ShouldBe([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15),
            TimeSpan.FromHours(1), TimeSpan.FromHours(4)]);

    private static ExportsOptions Complete() => new()
    {
        Zgw = new ZgwOptions
        {
            ZakenApiUrl = "https://z.test/zaken/api/v1/", DocumentenApiUrl = "https://z.test/documenten/api/v1/", ClientId = "adwatch", Secret = "s",
            Bronorganisatie = "123456782", Zaaktype = "https://c.test/zt/1", Informatieobjecttype = "https://c.test/iot/1",
        },
        Webhook = new WebhookOptions { Url = "https://hooks.test/adwatch", Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" },
    };
}
