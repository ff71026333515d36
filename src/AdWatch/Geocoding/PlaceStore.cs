using System.Data.Common;
using AdWatch.Storage;
using Dapper;

namespace AdWatch.Geocoding;

/// <summary>The <c>places</c> table: one row per distinct geocoded place, keyed by <see cref="Place.Key"/>.</summary>
public sealed class PlaceStore(Database database)
{
    /// <summary>
    /// Inserts or refreshes a place inside the caller's transaction; returns its id. BAG ids and gebruiksdoel are kept when
    /// the new answer has none: the same house geocoded offline later (PDOK down, a postcode-first mention) must not lose them.
    /// </summary>
    public static async Task<long> UpsertAsync(DbConnection connection, DbTransaction? tx, GeocodedAddress address, string source,
        DateTimeOffset at, CancellationToken ct) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO places (key, label, precision, street, house_number, postcode, place_name, municipality_code,
                                in_region, lat, lon, source, geocoded_at, bag_nummeraanduiding_id, bag_adresseerbaarobject_id, bag_gebruiksdoel)
            VALUES (@Key, @Label, @Precision, @Street, @HouseNumber, @Postcode, @Place, @MunicipalityCode,
                    @InRegion, @Lat, @Lon, @Source, @At, @NummeraanduidingId, @AdresseerbaarObjectId, @Gebruiksdoel)
            ON CONFLICT (key) DO UPDATE SET
                label = excluded.label, precision = excluded.precision, street = excluded.street,
                house_number = excluded.house_number, postcode = excluded.postcode, place_name = excluded.place_name,
                municipality_code = excluded.municipality_code, in_region = excluded.in_region,
                lat = excluded.lat, lon = excluded.lon, source = excluded.source, geocoded_at = excluded.geocoded_at,
                bag_nummeraanduiding_id = COALESCE(excluded.bag_nummeraanduiding_id, places.bag_nummeraanduiding_id),
                bag_adresseerbaarobject_id = COALESCE(excluded.bag_adresseerbaarobject_id, places.bag_adresseerbaarobject_id),
                bag_gebruiksdoel = COALESCE(excluded.bag_gebruiksdoel, places.bag_gebruiksdoel)
            RETURNING id
            """, new
        {
            address.Place.Key,
            address.Label,
            Precision = EnumText.ToText(address.Place.Precision),
            address.Place.Street,
            address.Place.HouseNumber,
            address.Place.Postcode,
            Place = address.Place.Town,
            address.Place.MunicipalityCode,
            address.Place.InRegion,
            address.Place.Lat,
            address.Place.Lon,
            address.Place.NummeraanduidingId,
            address.Place.AdresseerbaarObjectId,
            address.Place.Gebruiksdoel,
            Source = source,
            At = at,
        }, tx, cancellationToken: ct));

    public async Task<long> UpsertAsync(GeocodedAddress address, string source, DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await UpsertAsync(connection, null, address, source, at, ct);
    }

    public async Task<PlaceRow?> GetAsync(long id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<PlaceRow>(new CommandDefinition(
            "SELECT * FROM places WHERE id = @id", new { id }, cancellationToken: ct));
    }
}
