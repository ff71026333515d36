using System.Collections.Concurrent;
using PhoneNumbers;

namespace AdWatch.Extraction;

/// <summary>
/// A cheap pre-check of a compact phone candidate against libphonenumber's metadata: a known country code and a
/// national number length that country uses. Most digit windows in an ad fail here, before the costly parse.
/// </summary>
internal static class PossibleLengths
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private static readonly ConcurrentDictionary<int, HashSet<int>> ByCountryCode = new();

    public static bool IsPossible(string candidate)
    {
        ReadOnlySpan<char> digits;
        if (candidate.StartsWith('+'))
        {
            digits = candidate.AsSpan(1);
        }
        else if (candidate.StartsWith("00", StringComparison.Ordinal))
        {
            digits = candidate.AsSpan(2);
        }
        else if (candidate.StartsWith('0'))
        {
            return Lengths(31).Contains(candidate.Length - 1);
        }
        else
        {
            return false;
        }

        for (var ccLength = 1; ccLength <= 3 && ccLength < digits.Length; ccLength++)
        {
            var cc = int.Parse(digits[..ccLength], provider: null);
            var lengths = Lengths(cc);
            if (lengths.Count > 0)
            {
                // Country codes are prefix-free: the first known one is the only reading.
                return lengths.Contains(digits.Length - ccLength) || lengths.Contains(digits.Length - ccLength - 1);
            }
        }

        return false;
    }

    private static HashSet<int> Lengths(int countryCode) => ByCountryCode.GetOrAdd(countryCode, static cc =>
    {
        var lengths = new HashSet<int>();
        foreach (var region in Util.GetRegionCodesForCountryCode(cc))
        {
            var metadata = Util.GetMetadataForRegion(region);
            if (metadata?.GeneralDesc is { } desc)
            {
                lengths.UnionWith(desc.PossibleLengthList);
            }
        }

        var known = lengths.Count > 0 || Util.GetRegionCodesForCountryCode(cc).Count > 0;
        if (Util.GetMetadataForNonGeographicalRegion(cc)?.GeneralDesc is { } nonGeo)
        {
            known = true;
            lengths.UnionWith(nonGeo.PossibleLengthList);
        }

        if (known && lengths.Count == 0)
        {
            // Metadata without length data: let the parse decide.
            lengths.UnionWith(Enumerable.Range(2, 16));
        }

        return lengths;
    });
}
