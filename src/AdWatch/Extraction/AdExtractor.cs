using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AdWatch.Extraction;

/// <summary>
/// Extracts one ad version: visible text, phones (from text and phone links), address mentions (none without an
/// <see cref="AddressExtractor"/>) and indicators (including the builtin "obscured phone" signal). Pure and stateless,
/// so re-extraction of stored versions after a fix gives the same result as the first run. Geocoding resolves the
/// mentions afterwards.
/// </summary>
public sealed class AdExtractor(
    AdTextReader reader, PhoneExtractor phones, AddressExtractor? addresses, IndicatorLexicon lexicon, ILogger<AdExtractor>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<AdExtractor>.Instance;

    /// <summary>Extracts an ad given as HTML or plain text (detected).</summary>
    public AdExtraction Extract(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Extract(reader.Read(input));
    }

    /// <summary>Extracts an ad given as HTML.</summary>
    public AdExtraction ExtractHtml(string html) => Extract(reader.ReadHtml(html));

    /// <summary>Extracts an ad given as plain text, even if it contains angle brackets.</summary>
    public AdExtraction ExtractText(string text) => Extract(AdText.Plain(text));

    /// <summary>Extracts an ad already read into text, links and images.</summary>
    public AdExtraction Extract(AdText ad)
    {
        ArgumentNullException.ThrowIfNull(ad);
        var found = phones.Extract(ad.Text, ad.PhoneLinks);
        var indicators = lexicon.Match(ad.Text, found);
        return new AdExtraction(found, Mentions(ad.Text), indicators) { ImageUrls = ad.ImageUrls };
    }

    private IReadOnlyList<AddressMention> Mentions(string text)
    {
        if (addresses is null)
        {
            return [];
        }
        try
        {
            return addresses.Extract(text);
        }
        catch (Exception ex)
        {
            // A parser bug must not stop the pipeline for one hostile ad; the warning makes the bug visible.
            _logger.LogWarning(ex, "Address extraction failed on a text of {Length} characters", text.Length);
            return [];
        }
    }
}
