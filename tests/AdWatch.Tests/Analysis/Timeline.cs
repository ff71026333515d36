using AdWatch.Analysis;
using AdWatch.Geocoding;

namespace AdWatch.Tests.Analysis;

/// <summary>Builds synthetic analysis input by hand: places, phones and ads observed on given days (day 0 = 2023-06-01).</summary>
internal sealed class Timeline
{
    public static readonly DateTimeOffset Day0 = new(2023, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly Dictionary<long, InputPlace> _places = [];
    private readonly Dictionary<long, InputPhone> _phones = [];
    private readonly List<InputAd> _ads = [];
    private readonly Dictionary<long, long> _resolutions = [];
    private long _nextAd = 100;
    private long _nextVersion = 1000;

    public static int D(int offset) => AnalysisDays.From(Day0) + offset;

    public static DateTimeOffset At(int offset) => Day0.AddDays(offset).AddHours(12);

    public long Address(string street, string number, string postcode, string place = "Harderwijk", string municipality = "GM0243") =>
        AddPlace(new InputPlace(_places.Count + 1, $"adr:{postcode}:{street.ToUpperInvariant()}:{number}", $"{street} {number}, {postcode} {place}",
            new(GeoPrecision.Address, street, number, postcode, place, municipality, municipality is "GM0243" or "GM0233" or "GM0273", 52.35, 5.62)));

    /// <summary>An address written without its street ("pc 3841 AB nr 12"), keyed as <see cref="Place.Key"/> keys it.</summary>
    public long PostcodeAddress(string postcode, string number, string place = "Harderwijk", string municipality = "GM0243") =>
        AddPlace(new InputPlace(_places.Count + 1, $"adr:{municipality}:{postcode}:{number}", $"{postcode} {number}, {place}",
            new(GeoPrecision.Address, null, number, postcode, place, municipality, municipality is "GM0243" or "GM0233" or "GM0273", 52.35, 5.62)));

    public long Postcode(string postcode, string place = "Harderwijk", string municipality = "GM0243") =>
        AddPlace(new InputPlace(_places.Count + 1, $"pc:{postcode}", $"{postcode} {place}", new(GeoPrecision.Postcode, null, null, postcode, place, municipality,
            municipality is "GM0243" or "GM0233" or "GM0273", 52.35, 5.62)));

    public long Street(string street, string place = "Harderwijk", string municipality = "GM0243") =>
        AddPlace(new InputPlace(_places.Count + 1, $"str:{municipality}:{street.ToUpperInvariant()}", $"{street}, {place}", new(GeoPrecision.Street, street, null, null, place,
            municipality, municipality is "GM0243" or "GM0233" or "GM0273", 52.35, 5.62)));

    /// <summary>An unresolved place as a previous run stored it (its key as <see cref="InputPlace.Key"/>).</summary>
    public long Stored(InputPlace place) => AddPlace(place with { Id = _places.Count + 1 });

    /// <summary>An analyst recorded <paramref name="address"/> for the unresolved place <paramref name="unresolved"/>.</summary>
    public void Resolve(long unresolved, long address) => _resolutions[unresolved] = address;

    public long Town(string place, string? municipality) =>
        AddPlace(new InputPlace(_places.Count + 1, $"place:{municipality}:{place.ToUpperInvariant()}", place, new(GeoPrecision.Place, null, null, null, place,
            municipality, municipality is "GM0243" or "GM0233" or "GM0273")));

    public long Phone(string e164, string status = "ok")
    {
        var existing = _phones.Values.FirstOrDefault(p => p.E164 == e164);
        var id = existing?.Id ?? _phones.Count + 1;
        _phones[id] = new InputPhone(id, e164, status);
        return id;
    }

    public void SetPhoneStatus(string e164, string status) => Phone(e164, status);

    /// <summary>An ad with one version, observed every day from <paramref name="from"/> for <paramref name="days"/> days.</summary>
    public long Ad(int from, int days, string? name = null, string? phone = null, long? place = null, ulong? image = null, ulong? text = null,
        string[]? indicators = null, long[]? places = null, string[]? phones = null, string? site = null)
    {
        var id = _nextAd++;
        _ads.Add(new InputAd(id, [Version(from, days, name, phone, place, image, text, indicators, places, phones)]) { Site = site });
        return id;
    }

    /// <summary>Adds a version to an existing ad (the ad changed its text or address).</summary>
    public void Change(long adId, int from, int days, string? name = null, string? phone = null, long? place = null, ulong? image = null,
        ulong? text = null, long[]? places = null)
    {
        var index = _ads.FindIndex(a => a.Id == adId);
        _ads[index] = _ads[index] with { Versions = [.. _ads[index].Versions, Version(from, days, name, phone, place, image, text, null, places, null)] };
    }

    private InputVersion Version(int from, int days, string? name, string? phone, long? place, ulong? image, ulong? text, string[]? indicators,
        long[]? places, string[]? phones)
    {
        long[] phoneIds = [.. (phones ?? (phone is null ? [] : [phone])).Select(p => _phones.Values.FirstOrDefault(x => x.E164 == p)?.Id ?? Phone(p))];
        return new InputVersion(_nextVersion++, [.. Enumerable.Range(D(from), days)], phoneIds, places ?? (place is { } p ? [p] : []),
            image is { } i ? [i] : [], text, name, indicators ?? []);
    }

    public AnalysisInput Input() => new(_ads.ToList(), new Dictionary<long, InputPhone>(_phones), new Dictionary<long, InputPlace>(_places))
    {
        Resolutions = new Dictionary<long, long>(_resolutions),
    };

    public AnalysisResult Run(int asOfDay, AnalysisOptions? options = null, LicensedVenueList? venues = null) =>
        new AnalysisEngine(options ?? new AnalysisOptions(), AdWatch.Extraction.RegionOptions.VeluweWest, venues ?? LicensedVenueList.Empty).Run(Input(), At(asOfDay));

    private long AddPlace(InputPlace place)
    {
        _places[place.Id] = place;
        return place.Id;
    }
}
