namespace AdWatch.Web.Pages.Touring;

/// <summary>
/// A touring advertiser: seen in enough different towns within the tour window, one of them in the region.
/// <see cref="Towns"/> are the towns of that tour in order of arrival; <see cref="Locations"/> the locations it stayed at.
/// </summary>
public sealed record TouringEntry(
    long AdvertiserId,
    string Label,
    IReadOnlyList<string> Phones,
    IReadOnlyList<TouringTown> Towns,
    IReadOnlyList<long> Locations);
