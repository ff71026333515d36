namespace AdWatch.Extraction;

/// <summary>
/// Splits normalised, masked text into runs of digit groups that could together be phone numbers: groups joined
/// by short separator gaps (spaces, dots, dashes, slashes, stars, underscores, brackets, one line break unless eight figures precede it). The
/// <c>(0)</c> in <c>+31 (0)6…</c> is dropped because it is the trunk prefix that international form omits.
/// </summary>
internal static class PhoneRunScanner
{
    /// <summary>Beyond this many groups a run is prose with numbers in it, not a phone number; it is cut.</summary>
    private const int MaxGroups = 24;

    /// <summary>Figures before a line break from which the run is complete and the next line starts a new one.</summary>
    private const int CompleteCode = 8;
    private const int CompleteNational = 10;

    private static int DigitsSoFar(List<DigitGroup> run)
    {
        var total = 0;
        foreach (var group in run)
        {
            total += group.Digits.Length;
        }

        return total;
    }

    public static void Scan(string s, List<List<DigitGroup>> runs)
    {
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c is >= '0' and <= '9' || (c == '+' && StartsDigitsAfterPlus(s, i)))
            {
                var run = new List<DigitGroup>();
                i = ReadRun(s, i, run);
                runs.Add(run);
            }
            else
            {
                i++;
            }
        }
    }

    private static bool StartsDigitsAfterPlus(string s, int i)
    {
        var k = i + 1;
        if (k < s.Length && s[k] == ' ')
        {
            k++;
        }

        return k < s.Length && s[k] is >= '1' and <= '9';
    }

    private static int ReadRun(string s, int pos, List<DigitGroup> run)
    {
        var plus = false;
        var start = pos;
        if (s[pos] == '+')
        {
            plus = true;
            pos++;
            if (s[pos] == ' ')
            {
                pos++;
            }
        }

        while (true)
        {
            var digitsStart = pos;
            while (pos < s.Length && s[pos] is >= '0' and <= '9')
            {
                pos++;
            }

            run.Add(new DigitGroup(start, pos, s[digitsStart..pos], plus && run.Count == 0));
            if (run.Count >= MaxGroups)
            {
                return pos;
            }

            var next = NextGroupStart(s, pos, run);
            if (next < 0)
            {
                return pos;
            }

            start = pos = next;
        }
    }

    /// <summary>Where the next group of the same run starts, or -1 when the gap ends the run.</summary>
    private static int NextGroupStart(string s, int pos, List<DigitGroup> run)
    {
        var k = pos;
        var newlines = 0;
        while (k < s.Length && k - pos <= PhoneTextNormalizer.MaxGap && PhoneTextNormalizer.IsSeparator(s[k]))
        {
            newlines += s[k] == '\n' ? 1 : 0;
            k++;
        }

        if (k >= s.Length || k - pos > PhoneTextNormalizer.MaxGap || newlines > 1 || s[k] is < '0' or > '9')
        {
            return -1;
        }

        if (newlines == 1 && !run[0].IsInternational && DigitsSoFar(run) >= (run[0].Digits.StartsWith('0') ? CompleteNational : CompleteCode))
        {
            // "Advertentiecode 83119766⏎20 min": eight figures without a trunk zero before a line break are a whole code, and
            // ten with one a whole Dutch number; joining the next line's figures would invent a number (and a country cue
            // lets a number start without a zero). A number broken over two lines breaks before it is complete
            // ("06 1234⏎5678"); an international one (up to 15 digits after +/00) may break anywhere.
            return -1;
        }

        if (run.Count == 1 && run[0].IsInternational && k > pos && s[k - 1] == '(' && s[k] == '0'
            && k + 1 < s.Length && s[k + 1] == ')')
        {
            // +31 (0)6: skip the bracketed trunk zero and continue with the gap after it.
            var after = k + 2;
            while (after < s.Length && s[after] == ' ' && after - k < 4)
            {
                after++;
            }

            return after < s.Length && s[after] is >= '0' and <= '9' ? after : -1;
        }

        return k;
    }
}

/// <summary>A group of digits in normalised text; <see cref="Start"/> includes a leading plus sign.</summary>
internal readonly record struct DigitGroup(int Start, int End, string Digits, bool Plus)
{
    public bool IsInternational => Plus || Digits.StartsWith("00", StringComparison.Ordinal);
}
