using System.Text;
using AdWatch.Extraction;
using PhoneNumbers;

namespace AdWatch.Tests.Extraction;

/// <summary>
/// Property: any valid number, written in any of the formats and obfuscations ads use, reads back as the same
/// E.164. Seeded, so a failure reproduces; the failing text is in the assertion message.
/// </summary>
public sealed class PhoneRoundTripPropertyTests
{
    private const int Iterations = 10_000;
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    // Country code and national significant number shapes ('d' = any digit), mobiles and landlines.
    private static readonly (string Cc, string Shape)[] Shapes =
    [
        ("31", "61ddddddd"), ("31", "62ddddddd"), ("31", "64ddddddd"), ("31", "65ddddddd"), ("31", "20ddddddd"),
        ("31", "341dddddd"), ("31", "10ddddddd"), ("31", "577dddddd"), ("31", "33ddddddd"), ("31", "30ddddddd"),
        ("57", "30dddddddd"), ("57", "31dddddddd"), ("55", "119dddddddd"), ("55", "219dddddddd"), ("58", "412ddddddd"),
        ("58", "414ddddddd"), ("51", "9dddddddd"), ("52", "55dddddddd"), ("52", "33dddddddd"), ("34", "6dddddddd"),
        ("34", "7ddddddd1"), ("49", "151dddddddd"), ("49", "171ddddddd"), ("32", "47ddddddd"), ("32", "49ddddddd"),
        ("33", "6dddddddd"), ("40", "72ddddddd"), ("48", "51ddddddd"), ("44", "7700ddddd1"), ("1", "212555dddd"),
    ];

    private static readonly string[] Separators = [" ", "-", ".", "/", " - ", "*", "_", "\u00A0", "\u2013", "\u200B", "  ", " . "];

    private static readonly string[][] Words =
    [
        ["nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen"],
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"],
        ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"],
        ["zero", "um", "dois", "três", "quatro", "cinco", "seis", "sete", "oito", "nove"],
    ];

    [Fact]
    public void Extract_RoundTripsToSameE164_ForRandomFormattingOfValidNumbers()
    {
        var random = new Random(20260512);
        var extractor = new PhoneExtractor();
        var checkedCount = 0;
        for (var i = 0; i < Iterations; i++)
        {
            var (cc, nsn) = ValidNumber(random);
            var expected = "+" + cc + nsn;
            var written = Write(random, cc, nsn);
            var text = Surround(random, written);

            var phones = extractor.Extract(text);

            phones.Select(p => p.E164).ShouldBe([expected], $"iteration {i}: {Escape(text)}");
            checkedCount++;
        }

        checkedCount.ShouldBe(Iterations);
    }

    [Fact]
    public void ValidE164_AgreesWithLibphonenumberMatcherAtLeniencyValid()
    {
        var random = new Random(7);
        var prefixes = new[] { "0", "06", "00", "+", "+31", "+310", "0031", "+57", "+55", "+49", "+1", "+44", "08", "09", "+800", "+882" };
        for (var i = 0; i < 6_000; i++)
        {
            string candidate;
            if (i % 3 == 0)
            {
                var (cc, nsn) = ValidNumber(random);
                candidate = random.Next(2) == 0 ? "+" + cc + nsn : cc == "31" ? "0" + nsn : "00" + cc + nsn;
            }
            else
            {
                var sb = new StringBuilder(prefixes[random.Next(prefixes.Length)]);
                var length = random.Next(5, 16);
                while (sb.Length < length)
                {
                    sb.Append((char)('0' + random.Next(10)));
                }

                candidate = sb.ToString();
            }

            PhoneExtractor.ValidE164(candidate).ShouldBe(PhoneExtractor.ValidE164ByMatcher(candidate), candidate);
        }
    }

    private static (string Cc, string Nsn) ValidNumber(Random random)
    {
        while (true)
        {
            var (cc, shape) = Shapes[random.Next(Shapes.Length)];
            var nsn = string.Concat(shape.Select(c => c == 'd' ? (char)('0' + random.Next(10)) : c));
            var parsed = Util.Parse("+" + cc + nsn, null);
            if (Util.IsValidNumber(parsed))
            {
                return (cc, nsn);
            }
        }
    }

    private static string Write(Random random, string cc, string nsn)
    {
        var prefix = cc == "31" ? random.Next(5) switch
        {
            0 => "0",
            1 => "+31",
            2 => "0031",
            3 => "+31(0)",
            _ => "+31 ",
        } : random.Next(3) == 0 ? "00" + cc : "+" + cc;
        var digits = prefix.StartsWith('0') && cc == "31" ? "0" + nsn : nsn;
        var head = prefix == "0" ? "" : prefix;

        return random.Next(6) switch
        {
            0 => head + " " + Spell(random, digits),
            _ => head + Group(random, digits),
        };
    }

    /// <summary>Digits in random groups with one separator style, then per-digit obfuscation.</summary>
    private static string Group(Random random, string digits)
    {
        var separator = Separators[random.Next(Separators.Length)];
        var obfuscation = random.Next(6);
        var sb = new StringBuilder();
        var i = 0;
        var lineBreakUsed = false;
        while (i < digits.Length)
        {
            var size = Math.Min(random.Next(1, 5), digits.Length - i);
            var group = digits.Substring(i, size);
            sb.Append(Obfuscate(random, group, obfuscation));
            i += size;
            if (i < digits.Length)
            {
                if (!lineBreakUsed && random.Next(12) == 0)
                {
                    sb.Append('\n');
                    lineBreakUsed = true;
                }
                else
                {
                    sb.Append(separator);
                }
            }
        }

        return sb.ToString();
    }

    private static string Obfuscate(Random random, string group, int style)
    {
        var sb = new StringBuilder();
        var keptRealDigit = false;
        for (var k = 0; k < group.Length; k++)
        {
            var d = group[k];
            var last = k == group.Length - 1;
            switch (style)
            {
                case 1:
                    sb.Append((char)('０' + (d - '0')));
                    break;
                case 2:
                    sb.Append(char.ConvertFromUtf32(0x1D7CE + (d - '0')));
                    break;
                case 3:
                    sb.Append(d).Append("\uFE0F\u20E3");
                    break;
                case 4 when (keptRealDigit || !last) && random.Next(3) == 0 && d is '0' or '1' or '5':
                    sb.Append(d switch { '0' => random.Next(2) == 0 ? 'O' : 'o', '1' => random.Next(2) == 0 ? 'I' : 'l', _ => 'S' });
                    break;
                default:
                    sb.Append(d);
                    keptRealDigit = true;
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>Some digits spelled out in one language, each its own word.</summary>
    private static string Spell(Random random, string digits)
    {
        var words = Words[random.Next(Words.Length)];
        var share = random.Next(1, 4);
        return string.Join(random.Next(2) == 0 ? " " : " - ", digits.Select(d => random.Next(4) < share ? words[d - '0'] : d.ToString()));
    }

    private static string Surround(Random random, string number) => random.Next(5) switch
    {
        0 => number,
        1 => $"Bel me: {number}",
        2 => $"Nieuw in Ermelo! 100% echt. {number} (ook WhatsApp) 1 uur €150",
        3 => $"Llámame {number} 💋 24/7",
        _ => $"Open 10.00-22.00\nTel. {number}\nHarderwijk centrum",
    };

    private static string Escape(string s) =>
        string.Concat(s.Select(c => c < 32 || c > 126 ? $"\\u{(int)c:X4}" : c.ToString()));
}
