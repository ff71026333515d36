namespace AdWatch.DemoSites.Scenario;

/// <summary>Ways an ad writes its phone number; each one a test case for the phone extractor.</summary>
public enum DemoPhoneStyle
{
    /// <summary>"06-12345678"</summary>
    Dashed,
    /// <summary>"06 12 34 56 78"</summary>
    Pairs,
    /// <summary>"+31 6 12345678"</summary>
    International,
    /// <summary>"0031612345678"</summary>
    DoubleZero,
    /// <summary>"06 - 1two3 - 45 67 89": some digits as English words.</summary>
    MixedWords,
    /// <summary>"nul zes 12345678": the prefix in Dutch words.</summary>
    DutchPrefixWords,
    /// <summary>"cero seis uno dos tres …": every digit in Spanish words.</summary>
    SpanishWords,
    /// <summary>"+31 6 𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖": mathematical bold digits.</summary>
    BoldDigits,
    /// <summary>"０６１２３４５６７８": full-width digits.</summary>
    FullWidth,
    /// <summary>"O6-I2345678": letters O and I/l for the digits 0 and 1.</summary>
    LookAlikeLetters,
    /// <summary>"06.12.34.56.78"</summary>
    Dotted,
    /// <summary>"https://wa.me/31612345678": a WhatsApp link; the number is only in the URL.</summary>
    WhatsAppLink,
}
