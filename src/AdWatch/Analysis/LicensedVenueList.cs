using System.Globalization;
using AdWatch.Extraction;
using CsvHelper;
using CsvHelper.Configuration;

namespace AdWatch.Analysis;

/// <summary>
/// The licensed venues (<c>name,street,houseNumber,postcode,place,permit,validUntil</c>). A venue matches a location by postcode and
/// house number, or by street, house number and place — never by postcode alone, which covers a whole block of houses.
/// Bad rows are skipped and reported with their line number.
/// </summary>
public sealed class LicensedVenueList
{
    public static readonly LicensedVenueList Empty = new([], []);

    private LicensedVenueList(IReadOnlyList<LicensedVenue> venues, IReadOnlyList<string> errors)
    {
        Venues = venues;
        Errors = errors;
    }

    public IReadOnlyList<LicensedVenue> Venues { get; }

    /// <summary>One message per skipped row, naming file and line.</summary>
    public IReadOnlyList<string> Errors { get; }

    public static LicensedVenueList Load(string path)
    {
        using var reader = new StreamReader(path);
        return Parse(reader, Path.GetFileName(path));
    }

    public static LicensedVenueList Parse(TextReader text, string fileName)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(),
            TrimOptions = TrimOptions.Trim,
            MissingFieldFound = null,
            BadDataFound = null,
            IgnoreBlankLines = true,
        };
        using var csv = new CsvReader(text, config);
        var venues = new List<LicensedVenue>();
        var errors = new List<string>();
        if (!csv.Read() || !csv.ReadHeader())
        {
            return new LicensedVenueList([], []);
        }
        foreach (var required in new[] { "name", "street", "housenumber", "postcode", "place", "permit", "validuntil" })
        {
            if (!csv.HeaderRecord!.Any(h => h.Trim().Equals(required, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add($"{fileName}:1: missing column '{required}' (expected name,street,houseNumber,postcode,place,permit,validUntil).");
            }
        }
        if (errors.Count > 0)
        {
            return new LicensedVenueList([], errors);
        }
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            string? Field(string name) => csv.GetField(name) is { Length: > 0 } v ? v : null;
            var name = Field("name");
            var street = Field("street");
            var number = Field("housenumber");
            var postcode = Field("postcode")?.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
            var place = Field("place");
            var until = Field("validuntil");
            DateOnly? validUntil = null;
            if (name is null)
            {
                errors.Add($"{fileName}:{line}: name is empty.");
                continue;
            }
            if (number is null || (postcode is null && (street is null || place is null)))
            {
                errors.Add($"{fileName}:{line}: '{name}' needs a house number with a postcode, or with street and place.");
                continue;
            }
            if (postcode is not null && !System.Text.RegularExpressions.Regex.IsMatch(postcode, "^[1-9][0-9]{3}[A-Z]{2}$"))
            {
                errors.Add($"{fileName}:{line}: '{name}' has postcode '{postcode}', expected like 3841AB.");
                continue;
            }
            if (until is not null)
            {
                if (!DateOnly.TryParseExact(until, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    errors.Add($"{fileName}:{line}: '{name}' has validUntil '{until}', expected yyyy-MM-dd.");
                    continue;
                }
                validUntil = parsed;
            }
            venues.Add(new LicensedVenue(name, street, number, postcode, place, Field("permit"), validUntil));
        }
        return new LicensedVenueList(venues, errors);
    }

    /// <summary>The venue at this place whose permit is valid on the given day, or null.</summary>
    public LicensedVenue? Match(Geocoding.Place place, int day)
    {
        if (place.HouseNumber is not { } number)
        {
            return null;
        }
        var date = DateOnly.FromDateTime(AnalysisDays.Start(day).UtcDateTime);
        return Venues.FirstOrDefault(v => (v.ValidUntil is null || v.ValidUntil >= date)
            && AddressNormalizer.SameHouseNumber(v.HouseNumber, number)
            && ((AddressNormalizer.Postcode(v.Postcode) is { Length: 6 } pc && pc == AddressNormalizer.Postcode(place.Postcode))
                || (v.Street is not null && place.Street is not null && AddressNormalizer.StreetKey(v.Street) == AddressNormalizer.StreetKey(place.Street)
                    && Same(v.Place, place.Town))));
    }

    private static bool Same(string? a, string? b) =>
        a is not null && b is not null && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}

/// <summary>A row of licensed-venues.csv: a venue with a prostitution permit. Its location is never flagged while the permit is valid.</summary>
public sealed record LicensedVenue(string Name, string? Street, string? HouseNumber, string? Postcode, string? Place, string? Permit,
    DateOnly? ValidUntil);
