using System.Globalization;
using System.Text.RegularExpressions;
using AdWatch.Analysis;
using AdWatch.Geocoding;
using AdWatch.Privacy;
using AdWatch.Storage;
using Dapper;
using Hangfire;

namespace AdWatch.Review;

/// <summary>
/// An analyst or coordinator records the address of an unresolved location (learnt by phoning, or on inspection). The address is
/// read and geocoded exactly as an ad naming it would be (the extractor's normalisation, then the geocoder), so it lands on the
/// same place key as ads giving that address; it is stored in <c>location_resolutions</c>, audited, and the analysis re-runs in
/// the background (<see cref="AnalysisJob.RerunAsync"/>): the unresolved location's ads then join that address's location and its
/// flag, inactive, points to the address's flag. Recording again replaces the answer; <c>audit_log</c> keeps every one.
/// </summary>
public sealed partial class LocationResolutions(Database database, GeocodingExtractor geocoding, AuditLog audit, IBackgroundJobClient jobs,
    TimeProvider time)
{
    /// <summary>The roles that may record an address.</summary>
    public static readonly IReadOnlySet<string> AllowedRoles = new HashSet<string>(StringComparer.Ordinal) { "analyst", "coordinator", "admin" };

    public async Task<ResolutionResult> RecordAsync(long locationId, ResolutionInput input, string actor, string role, CancellationToken ct)
    {
        if (!AllowedRoles.Contains(role))
        {
            return new(ResolutionRefusal.RoleNotAllowed, null);
        }
        if (input.Normalised() is not { } text)
        {
            return new(ResolutionRefusal.Invalid, null);
        }
        long unresolvedPlaceId;
        await using (var c = await database.OpenAsync(ct))
        {
            var row = await c.QuerySingleOrDefaultAsync<(long PlaceId, string Precision)?>(new CommandDefinition(
                "SELECT p.id, p.precision FROM locations l JOIN places p ON p.id = l.place_id WHERE l.id = @locationId",
                new { locationId }, cancellationToken: ct));
            if (row is not { } r)
            {
                return new(ResolutionRefusal.NoSuchLocation, null);
            }
            if (EnumText.Parse<GeoPrecision>(r.Precision) != GeoPrecision.Unresolved)
            {
                return new(ResolutionRefusal.NotUnresolved, null);
            }
            unresolvedPlaceId = r.PlaceId;
        }

        var geocoded = await geocoding.ExtractTextAsync(text, ct);
        if (geocoded.Addresses.FirstOrDefault(a => a.Place.Precision == GeoPrecision.Address) is not { } address)
        {
            return new(ResolutionRefusal.NotAnAddress, null);
        }
        var now = time.GetUtcNow();
        long placeId;
        await using (var c = await database.OpenAsync(ct))
        await using (var tx = await c.BeginTransactionAsync(ct))
        {
            // A place ads already named keeps its row as geocoding stored it; only a new one is stored here.
            placeId = await c.ExecuteScalarAsync<long?>(new CommandDefinition("SELECT id FROM places WHERE key = @Key",
                          new { address.Place.Key }, tx, cancellationToken: ct))
                      ?? await PlaceStore.UpsertAsync(c, tx, address, "analyst", now, ct);
            await c.ExecuteAsync(new CommandDefinition("DELETE FROM location_resolutions WHERE unresolved_place_id = @unresolvedPlaceId",
                new { unresolvedPlaceId }, tx, cancellationToken: ct));
            await c.ExecuteAsync(new CommandDefinition("""
                INSERT INTO location_resolutions (unresolved_place_id, place_id, recorded_by, recorded_at)
                VALUES (@unresolvedPlaceId, @placeId, @actor, @at)
                """, new { unresolvedPlaceId, placeId, actor, at = now.ToUnixTimeMilliseconds() }, tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
        }
        await audit.WriteAsync(actor, "change", "location", locationId.ToString(CultureInfo.InvariantCulture),
            $"address recorded: {address.Label} (place {placeId.ToString(CultureInfo.InvariantCulture)}, key {address.Place.Key})", ct);
        jobs.Enqueue<AnalysisJob>(j => j.RerunAsync(CancellationToken.None));
        return new(null, address.Label);
    }

    [GeneratedRegex(@"^\d{1,5}(?:\s*[-/]?\s*[A-Za-z0-9]{1,6})?$", RegexOptions.CultureInvariant)]
    internal static partial Regex HouseNumber();

    [GeneratedRegex(@"^(\d{4})\s*-?\s*([A-Za-z]{2})$", RegexOptions.CultureInvariant)]
    internal static partial Regex Postcode();
}

/// <summary>The address as an analyst types it: street and house number, and a postcode or a town (or both).</summary>
public sealed record ResolutionInput(string? Street, string? HouseNumber, string? Postcode, string? Town)
{
    /// <summary>The address written as an ad would ("Stationslaan 14, 3841 AB Harderwijk"), or null when it is incomplete or malformed.</summary>
    public string? Normalised()
    {
        var street = Clean(Street);
        var number = Clean(HouseNumber);
        var town = Clean(Town);
        var postcode = Clean(Postcode);
        if (street is null || street.Length > 120 || !street.Any(char.IsLetter) || number is null || !LocationResolutions.HouseNumber().IsMatch(number)
            || (postcode is null && town is null) || town is { Length: > 80 })
        {
            return null;
        }
        string? pc = null;
        if (postcode is not null)
        {
            var m = LocationResolutions.Postcode().Match(postcode);
            if (!m.Success)
            {
                return null;
            }
            pc = $"{m.Groups[1].Value} {m.Groups[2].Value.ToUpperInvariant()}";
        }
        return $"{street} {number}, {string.Join(' ', new[] { pc, town }.OfType<string>())}";
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

public enum ResolutionRefusal
{
    RoleNotAllowed,
    Invalid,
    NoSuchLocation,
    NotUnresolved,
    NotAnAddress,
}

/// <summary>Null <see cref="Refusal"/> when recorded; <see cref="Label"/> is the address as geocoded.</summary>
public sealed record ResolutionResult(ResolutionRefusal? Refusal, string? Label)
{
    public bool Succeeded => Refusal is null;
}
