using AdWatch.Geocoding;

namespace AdWatch.Tests.Geocoding;

/// <summary>
/// PLACEHOLDER in the extract-phones branch: the geocoding branch provides the real offline resolver over the
/// Veluwe-West gazetteer. The lead replaces this file at merge.
/// </summary>
public static class RegionFixture
{
    public static IAddressResolver OfflineResolver() =>
        throw new NotImplementedException("needs RegionFixture from the geocoding branch");
}
