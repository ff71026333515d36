namespace AdWatch.Extraction;

/// <summary>
/// What a reader sees of an ad: its visible text (block elements on their own lines), the phone links behind
/// buttons (<c>tel:</c>, <c>wa.me</c>, <c>api.whatsapp.com</c>) and the image URLs, in document order, distinct.
/// </summary>
public sealed record AdText(string Text, IReadOnlyList<string> PhoneLinks, IReadOnlyList<string> ImageUrls)
{
    /// <summary>Plain text as is: no links or images beyond what the text itself says.</summary>
    public static AdText Plain(string text) => new(text, [], []);
}
