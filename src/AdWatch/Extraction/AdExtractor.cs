using AdWatch.Geocoding;

namespace AdWatch.Extraction;

/// <summary>
/// Extracts one ad version: visible text, phones (from text and phone links), addresses through the injected
/// <see cref="IAddressResolver"/>, and indicators (including the builtin "obscured phone" signal). Holds no state
/// between calls, so re-extraction of stored versions after a fix gives the same result as the first run.
/// </summary>
public sealed class AdExtractor(AdTextReader reader, PhoneExtractor phones, IAddressResolver addresses, IndicatorLexicon lexicon)
{
    /// <summary>Extracts an ad given as HTML or plain text (detected).</summary>
    public Task<AdExtraction> ExtractAsync(string input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ExtractAsync(reader.Read(input), ct);
    }

    /// <summary>Extracts an ad given as HTML.</summary>
    public Task<AdExtraction> ExtractHtmlAsync(string html, CancellationToken ct) => ExtractAsync(reader.ReadHtml(html), ct);

    /// <summary>Extracts an ad given as plain text, even if it contains angle brackets.</summary>
    public Task<AdExtraction> ExtractTextAsync(string text, CancellationToken ct) => ExtractAsync(AdText.Plain(text), ct);

    /// <summary>Extracts an ad already read into text, links and images.</summary>
    public async Task<AdExtraction> ExtractAsync(AdText ad, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ad);
        var found = phones.Extract(ad.Text, ad.PhoneLinks);
        var places = await addresses.ResolveAsync(ad.Text, ct).ConfigureAwait(false);
        var indicators = lexicon.Match(ad.Text, found);
        return new AdExtraction(found, places, indicators) { ImageUrls = ad.ImageUrls };
    }
}
