using PhoneNumbers;

namespace AdWatch.Extraction;

/// <summary>The ISO country of an E.164 number (NL, CO, BR …), for statistics and touring.</summary>
internal static class PhoneRegions
{
    public static string? RegionOf(string e164)
    {
        try
        {
            var util = PhoneNumberUtil.GetInstance();
            var region = util.GetRegionCodeForNumber(util.Parse(e164, null));
            return region is null or "ZZ" ? null : region;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
