using System.IO.Compression;
using System.Text;

namespace AdWatch.DemoSites.Hostile;

/// <summary>What a hostile case attacks: the seven families every input path is tried with.</summary>
public enum HostileKind
{
    /// <summary>The facts hidden behind kilobytes of filler, so a reader that cuts early misses them.</summary>
    Padded,
    /// <summary>A page near or over the size budget.</summary>
    Huge,
    /// <summary>Markup nested tens of thousands deep.</summary>
    Nested,
    /// <summary>NUL bytes in the text (PostgreSQL refuses them in TEXT).</summary>
    Nul,
    /// <summary>Bidi overrides and invisible format characters that make text read differently than it is.</summary>
    Bidi,
    /// <summary>Broken bytes, broken markup, a body cut short.</summary>
    Corrupt,
    /// <summary>Small input, huge cost: gzip and image bombs, floods that make a regex or a parser work hard, a body that drips.</summary>
    Bomb,
}

/// <summary>What a careful reader does with a case: stores the ad (cleaned), or refuses the page with a clear reason.</summary>
public enum HostileOutcome
{
    /// <summary>The ad is stored; the facts the page states readably are found.</summary>
    Stored,
    /// <summary>Nothing of the page is stored; the refusal names the URL and the reason.</summary>
    Refused,
}

/// <summary>How a crawl receives the page: as it is, or through a transport trick the site plays.</summary>
public enum HostileTransport
{
    /// <summary>The body as it is, with its Content-Length.</summary>
    Plain,
    /// <summary>A small gzip stream (Content-Encoding: gzip) that inflates to a gigabyte of zeros.</summary>
    GzipBomb,
    /// <summary>Content-Length promises more than is sent; then the connection is cut.</summary>
    Truncated,
    /// <summary>One small chunk a second, for longer than any sane time budget.</summary>
    Drip,
}

/// <summary>
/// One hostile ad page of the <see cref="HostileCorpus"/>. <see cref="Phone"/> and <see cref="Postcode"/> are the truth the
/// corpus was written with (never what an extractor found): the number and the house the page states in a readable way,
/// which a reader must still find under the attack. Null where the case states none (a bomb has no facts to keep).
/// </summary>
public sealed record HostileCase(string Name, HostileKind Kind, string Description, HostileOutcome Crawl, Func<byte[]> Body)
{
    /// <summary>How a crawl gets the page (imports only ever see <see cref="Body"/>).</summary>
    public HostileTransport Transport { get; init; } = HostileTransport.Plain;

    /// <summary>What an import of <see cref="Body"/> does: as a crawl, except transport tricks do not exist in a file.</summary>
    public HostileOutcome Import { get; init; } = Crawl;

    /// <summary>The E.164 number the page states readably, if any.</summary>
    public string? Phone { get; init; }

    /// <summary>The postcode (<c>3841AB</c>) of the house the page names, if any.</summary>
    public string? Postcode { get; init; }

    /// <summary>The image this ad shows (<c>/img/NAME.png</c>), if any: <see cref="HostileCorpus.ImageBomb"/>.</summary>
    public bool HasBombImage { get; init; }
}

/// <summary>
/// Synthetic hostile ad pages (issue 16): padded, huge, nested, NUL, bidi, corrupt and bomb cases, for the hostile-input
/// corpus test (every input path: crawl, import of JSONL and WARC, extract, dossier, PDF) and its benchmark. Every case is
/// built in code, so the corpus is deterministic and holds no real ad, name or number (numbers are in the 06-2x… range
/// the demo never uses, houses are the demo region's streets).
/// </summary>
public static class HostileCorpus
{
    /// <summary>The site budget the corpus is written against (the <c>limits.maxBodyBytes</c> of <see cref="HostileSite"/>).</summary>
    public const int MaxBodyBytes = 5_000_000;

    /// <summary>Seconds a page may take (the <c>limits.timeoutSeconds</c> of <see cref="HostileSite"/>); the drip lasts longer.</summary>
    public const int TimeoutSeconds = 3;

    /// <summary>Every case, in a fixed order.</summary>
    public static IReadOnlyList<HostileCase> Cases { get; } =
    [
        new("padded-hidden", HostileKind.Padded, "300 KB of filler in a hidden element, then phone and address", HostileOutcome.Stored,
            () => Page("Nieuw in Harderwijk", "<div hidden style=\"display:none\">" + Repeat("opvulling zonder betekenis ", 11_000) + "</div>" +
                "<p>Bel 06 23 45 67 80. Adres: Stationslaan 14, 3841 AB Harderwijk.</p>"))
        { Phone = "+31623456780", Postcode = "3841AB" },
        new("padded-whitespace", HostileKind.Padded, "600 KB of spaces, non-breaking spaces, zero-width spaces and empty tags before the facts", HostileOutcome.Stored,
            () => Page("Discreet", Repeat(" &nbsp; \u200B\n<span></span>", 30_000) + "<p>Whatsapp +31 6 2345 6781 — Stationslaan 14, 3841 AB Harderwijk</p>"))
        { Phone = "+31623456781", Postcode = "3841AB" },
        new("padded-comments", HostileKind.Padded, "800 KB of HTML comments and a 1 MB attribute before the facts", HostileOutcome.Stored,
            () => Page("Ermelo privé", Repeat("<!-- " + new string('x', 200) + " -->", 4_000) + "<p title=\"" + new string('y', 1_000_000) + "\">" +
                "Tel. 06-23456782, Stationsstraat 40, 3851 NH Ermelo</p>"))
        { Phone = "+31623456782", Postcode = "3851NH" },
        new("huge-text", HostileKind.Huge, "4 MB of readable text, facts at the start", HostileOutcome.Stored,
            () => Page("Heel lang verhaal", "<p>Bel 06 23 45 67 83, Stationslaan 14, 3841 AB Harderwijk.</p><p>" +
                Repeat("Een lange zin die alleen maar ruimte inneemt en niets zegt. ", 66_000) + "</p>"))
        { Phone = "+31623456783", Postcode = "3841AB" },
        new("huge-over-budget", HostileKind.Huge, "6 MB page, over the site's 5 MB budget", HostileOutcome.Refused,
            () => Page("Te groot", "<p>Bel 06 23 45 67 84</p><p>" + new string('z', 6_000_000) + "</p>")),
        new("nested-div", HostileKind.Nested, "100,000 nested <div>, the phone at the bottom", HostileOutcome.Stored,
            () => Page("Diep", Repeat("<div>", 100_000) + "Bel 06-23456785, " + House + Repeat("</div>", 100_000)))
        { Phone = "+31623456785", Postcode = "3841AB" },
        new("nested-table", HostileKind.Nested, "20,000 nested tables and unclosed <b><i><u>, the phone at the bottom", HostileOutcome.Stored,
            () => Page("Tafels", Repeat("<table><tr><td><b><i><u>", 20_000) + "Bel 06-23456786, " + House))
        { Phone = "+31623456786", Postcode = "3841AB" },
        new("nul-bytes", HostileKind.Nul, "NUL bytes in title, text and phone", HostileOutcome.Stored,
            () => Page("Nieuw\0 in\0 Harderwijk", "<p>Bel\0 06\0 2345\0 6787\0. Stationslaan\0 14, 3841 AB Harderwijk</p>\0\0\0"))
        { Phone = "+31623456787", Postcode = "3841AB" },
        new("bidi-controls", HostileKind.Bidi, "right-to-left override in the title, isolates and zero-width characters in the phone", HostileOutcome.Stored,
            () => Page("\u202Egnp.exe \u2066Nieuw\u2069", "<p>\u202EBel\u202C 06\u200B23\u200C45\u200D67\u2060-88 \u2067Stationslaan 14\u2069, 3841 AB Harderwijk</p>"))
        { Phone = "+31623456788", Postcode = "3841AB" },
        new("invalid-utf8", HostileKind.Corrupt, "bytes that are no UTF-8 (lone continuation bytes, overlong forms, encoded surrogates) around the facts", HostileOutcome.Stored,
            () => Concat(Encoding.UTF8.GetBytes(Head("Kapotte tekens") + "<div class=\"ad-view__text\"><p>"), [0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xF0, 0x28, 0x8C, 0xBC, 0xED, 0xA0, 0x80, 0xC0, 0xAF, 0xFF, 0xFE],
                Encoding.UTF8.GetBytes(" Bel 06 23 45 67 89 "), [0xF8, 0x88, 0x80, 0x80, 0x80], Encoding.UTF8.GetBytes(" Stationslaan 14, 3841 AB Harderwijk</p></div>" + Tail)))
        { Phone = "+31623456789", Postcode = "3841AB" },
        new("broken-markup", HostileKind.Corrupt, "unclosed and malformed tags, a stray </html>, an unterminated comment after the facts", HostileOutcome.Stored,
            () => Encoding.UTF8.GetBytes(Head("Rommel") + "<div class=\"ad-view__text\"><p <b <div class=\"x\" <<>>Bel 06 23 45 67 90</html><p>Stationslaan 14, 3841 AB Harderwijk<td></tr><select><option>" +
                "</div></article><!-- niet afgesloten " + new string('-', 5000)))
        { Phone = "+31623456790", Postcode = "3841AB" },
        new("binary-garbage", HostileKind.Corrupt, "200 KB of random bytes served as text/html", HostileOutcome.Refused, RandomBytes),
        new("truncated-body", HostileKind.Corrupt, "Content-Length promises 4 KB more than is sent, then the connection is cut", HostileOutcome.Refused,
            () => Page("Afgebroken", "<p>Bel 06 23 45 67 91</p>"))
        { Transport = HostileTransport.Truncated, Import = HostileOutcome.Stored, Phone = "+31623456791" },
        new("script-flood", HostileKind.Bomb, "30,000 <script> elements (a tag-stripping regex's worst case)", HostileOutcome.Stored,
            () => Page("Scripts", Repeat("<script>var a=1;</script>", 30_000) + "<p>Bel 06 23 45 67 92, " + House + "</p>"))
        { Phone = "+31623456792", Postcode = "3841AB" },
        new("entity-flood", HostileKind.Bomb, "500,000 entities, invalid ones among them (&#0; &#xD800; &#x110000;)", HostileOutcome.Stored,
            () => Page("Tekens", Repeat("&amp;&#0;&#xD800;&#x110000;&bogus;", 100_000) + "<p>Bel 06 23 45 67 93, " + House + "</p>"))
        { Phone = "+31623456793", Postcode = "3841AB" },
        new("digit-flood", HostileKind.Bomb, "300,000 digits and phone-like runs (a phone scanner's worst case), then the phone", HostileOutcome.Stored,
            () => Page("Cijfers", "<p>" + Repeat("06 1", 50_000) + " " + new string('7', 100_000) + " " + Repeat("+31-", 25_000) + "</p><p>Bel 06 23 45 67 94, " + House + "</p>"))
        { Phone = "+31623456794", Postcode = "3841AB" },
        new("gzip-bomb", HostileKind.Bomb, "a gzip stream that inflates to 1 GB", HostileOutcome.Refused,
            () => Page("Bom", "<p>Bel 06 23 45 67 95</p>"))
        { Transport = HostileTransport.GzipBomb, Import = HostileOutcome.Stored, Phone = "+31623456795" },
        new("image-bomb", HostileKind.Bomb, "a 3 KB PNG that claims 60,000 × 60,000 pixels (14 GB decoded)", HostileOutcome.Stored,
            () => Page("Foto", "<p>Bel 06 23 45 67 96, " + House + "</p>", "<img class=\"ad-view__photo\" src=\"/img/bomb.png\" alt=\"\">"))
        { Phone = "+31623456796", Postcode = "3841AB", HasBombImage = true },
        new("drip", HostileKind.Bomb, $"one chunk a second for {3 * TimeoutSeconds} s, over the {TimeoutSeconds} s time budget", HostileOutcome.Refused,
            () => Page("Traag", "<p>Bel 06 23 45 67 97</p>"))
        { Transport = HostileTransport.Drip, Import = HostileOutcome.Stored, Phone = "+31623456797" },
    ];

    /// <summary>The case named <paramref name="name"/>.</summary>
    public static HostileCase Case(string name) => Cases.Single(c => c.Name == name);

    /// <summary>
    /// Appends one gzip member holding a WARC response record for <c>/ad/warc-bomb</c> whose block is 200 MB of zeros: a few
    /// hundred KB on disk. An importer must refuse the record by its size and read on with the next member.
    /// </summary>
    public static void WriteWarcBombMember(Stream stream, Uri baseUrl)
    {
        const int blockBytes = 200 * 1024 * 1024;
        using var gzip = new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true);
        gzip.Write(Encoding.ASCII.GetBytes(
            "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000016>\r\n" +
            $"WARC-Date: 2023-03-06T08:30:00Z\r\nWARC-Target-URI: {new Uri(baseUrl, "/ad/warc-bomb").AbsoluteUri}\r\n" +
            $"Content-Type: application/http;msgtype=response\r\nContent-Length: {blockBytes}\r\n\r\n"));
        var zeros = new byte[1024 * 1024];
        for (var i = 0; i < blockBytes / zeros.Length; i++)
        {
            gzip.Write(zeros);
        }
        gzip.Write("\r\n\r\n"u8);
    }

    /// <summary>
    /// A PNG of 60,000 × 60,000 RGB pixels whose image data is a few rows of zeros: valid up to the point a decoder allocates
    /// width × height × 3 bytes. A reader must refuse it from its header.
    /// </summary>
    public static byte[] ImageBomb()
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        WriteBigEndian(header, 0, 60_000);
        WriteBigEndian(header, 4, 60_000);
        header[8] = 8; // bit depth
        header[9] = 2; // RGB
        Chunk(png, "IHDR", header);
        using (var data = new MemoryStream())
        {
            using (var zlib = new ZLibStream(data, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                zlib.Write(new byte[(60_000 * 3 + 1) * 4]); // four rows, filter 0
            }
            Chunk(png, "IDAT", data.ToArray());
        }
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>The page shell the demo's server-rendered site uses, so the corpus site's selectors are ordinary ones.</summary>
    internal static byte[] Page(string title, string text, string extra = "") =>
        Encoding.UTF8.GetBytes(Head(title) + "<div class=\"ad-view__text\">" + text + "</div>" + extra + Tail);

    private static string Head(string title) =>
        "<!doctype html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body>" +
        "<article class=\"ad-view\"><h1 class=\"ad-view__title\">" + title + "</h1>";

    private const string Tail = "</article></body></html>";

    /// <summary>The house most cases name: a street of the demo region, written the ordinary way.</summary>
    private const string House = "Stationslaan 14, 3841 AB Harderwijk";

    private static string Repeat(string s, int times) => new StringBuilder(s.Length * times).Insert(0, s, times).ToString();

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    private static byte[] RandomBytes()
    {
        var bytes = new byte[200_000];
        new Random(16).NextBytes(bytes); // fixed seed: the same garbage every run
        return bytes;
    }

    private static void WriteBigEndian(byte[] buffer, int offset, uint value)
    {
        buffer[offset] = (byte)(value >> 24);
        buffer[offset + 1] = (byte)(value >> 16);
        buffer[offset + 2] = (byte)(value >> 8);
        buffer[offset + 3] = (byte)value;
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        WriteBigEndian(length, 0, (uint)data.Length);
        png.Write(length);
        var typed = Concat(Encoding.ASCII.GetBytes(type), data);
        png.Write(typed);
        var crc = new byte[4];
        WriteBigEndian(crc, 0, Crc32(typed));
        png.Write(crc);
    }

    /// <summary>The CRC-32 of PNG chunks (ISO 3309, as in the PNG specification's sample code).</summary>
    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }
        return crc ^ 0xFFFFFFFFu;
    }
}
