using System.Data.Common;
using AdWatch.Analysis;
using AdWatch.Extraction;
using AdWatch.Storage;

namespace AdWatch.Benchmarks.Analysis;

/// <summary>
/// Generates a synthetic year of ads straight into the database with prepared commands in one transaction: advertisers with their
/// own phone, photos and text template; some sharing an operator phone; houses in and outside the region; town-only ads; a few
/// site service numbers marked generic. Names, numbers and texts are invented.
/// </summary>
internal static class AnalysisDataGenerator
{
    private static readonly string[] Names = ["Luna", "Bella", "Sofia", "Ana", "Maria", "Valentina", "Camila", "Julia", "Isabella", "Lara",
        "Nina", "Eva", "Lina", "Mila", "Zoe", "Yara", "Noa", "Sara", "Lisa", "Emma"];
    private static readonly string[] Words = ["lief", "discreet", "nieuw", "schoon", "ontspannen", "afspraak", "bel", "app", "vandaag",
        "morgen", "avond", "privé", "ontvangst", "parkeren", "deur", "koffie", "massage", "samen", "tijd", "snel", "zacht", "warm",
        "weekend", "kort", "alleen", "stad", "welkom", "genieten", "rustig", "mooi", "gezellig", "verwennen"];
    private static readonly string[] Municipalities = ["GM0243", "GM0233", "GM0273", "GM0200", "GM0193", "GM0307", "GM0202", "GM0228"];
    private static readonly string[] Towns = ["Harderwijk", "Ermelo", "Putten", "Apeldoorn", "Zwolle", "Amersfoort", "Arnhem", "Ede"];

    public static async Task GenerateAsync(Database database, int adCount, int observationCount, CancellationToken ct)
    {
        var random = new Random(20231231);
        var day0 = new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        const long Day = 86_400_000;
        await using var c = await database.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        await Exec(c, tx, $"INSERT INTO sites (id, name, fetch_mode, created_at, updated_at) VALUES (1, 'bench', 'http', {day0}, {day0})", ct);

        // Places: 4,000 addresses (a quarter in the region), 8 towns.
        var place = Prepare(c, tx, """
            INSERT INTO places (id, key, label, precision, street, house_number, postcode, place_name, municipality_code, in_region, lat, lon, source, geocoded_at)
            VALUES (@id, @key, @label, @precision, @street, @number, @postcode, @town, @code, @inRegion, 52.3, 5.6, 'gazetteer', 0)
            """, "id", "key", "label", "precision", "street", "number", "postcode", "town", "code", "inRegion");
        const int Addresses = 4_000;
        for (var i = 1; i <= Addresses + Towns.Length; i++)
        {
            var m = i > Addresses ? i - Addresses - 1 : (i % 4 == 0 ? i % 3 : 3 + i % 5);
            var address = i <= Addresses;
            var postcode = $"{3800 + i % 100}{(char)('A' + i % 26)}{(char)('A' + i / 26 % 26)}";
            await Run(place, ct, i, address ? $"adr:{postcode}:DORPSSTRAAT:{i}" : $"place:{Municipalities[m]}:{Towns[m].ToUpperInvariant()}",
                address ? $"Dorpsstraat {i}, {postcode} {Towns[m]}" : Towns[m], address ? "address" : "place",
                address ? "Dorpsstraat" : null, address ? i.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
                address ? postcode : null, Towns[m], Municipalities[m], m < 3);
        }

        // Phones: one per advertiser, 300 operator phones, 5 site service numbers marked generic.
        var advertisers = adCount / 5;
        var phone = Prepare(c, tx, "INSERT INTO phones (id, e164, status) VALUES (@id, @e164, @status)", "id", "e164", "status");
        for (var i = 1; i <= advertisers + 305; i++)
        {
            await Run(phone, ct, i, $"+316{i:D8}", i > advertisers + 300 ? "generic" : "ok");
        }

        var ad = Prepare(c, tx, "INSERT INTO ads (id, site_id, external_id, url, first_seen_at, last_seen_at) VALUES (@id, 1, @ext, @url, @first, @last)",
            "id", "ext", "url", "first", "last");
        var version = Prepare(c, tx, """
            INSERT INTO ad_versions (id, ad_id, content_hash, title, body_text, first_seen_at, extracted_at, text_simhash, advertiser_name, fingerprinted_at)
            VALUES (@id, @ad, @hash, @title, @body, @first, @first, @simhash, @name, @first)
            """, "id", "ad", "hash", "title", "body", "first", "simhash", "name");
        var adPhone = Prepare(c, tx, "INSERT INTO ad_phones (version_id, phone_id, raw, obfuscated) VALUES (@v, @p, @raw, FALSE)", "v", "p", "raw");
        var adPlace = Prepare(c, tx, "INSERT INTO ad_places (version_id, place_id, raw) VALUES (@v, @p, @raw)", "v", "p", "raw");
        var image = Prepare(c, tx, "INSERT INTO ad_images (version_id, url, phash) VALUES (@v, @url, @hash)", "v", "url", "hash");
        var indicator = Prepare(c, tx, "INSERT INTO ad_indicators (version_id, code, evidence) VALUES (@v, 'new-in-town', 'nieuw in de stad')", "v");
        var observation = Prepare(c, tx, "INSERT INTO observations (id, ad_id, version_id, source, observed_at) VALUES (@id, @ad, @v, 'crawl', @at)",
            "id", "ad", "v", "at");
        var perAd = observationCount / adCount;
        long observationId = 0;
        for (var id = 1; id <= adCount; id++)
        {
            var advertiser = (id - 1) / 5 + 1;
            var name = Names[(advertiser * 7 + advertiser / 20) % Names.Length];
            // Every 50th advertiser advertises through one of 300 operator phones, a few advertisers per phone.
            var phoneId = advertiser % 50 == 0 ? advertisers + 1 + advertiser / 50 % 300 : advertiser;
            // Stays vary from 1 to 2*perAd-1 days in pairs, so the total stays exactly observationCount.
            var k = (int)((uint)((id + 1) / 2 * 2654435761u) % (uint)perAd);
            var days = id % 2 == 1 ? perAd - k : perAd + k;
            var start = random.Next(0, 365 - days);
            var first = day0 + start * Day + 10 * 3_600_000;
            await Run(ad, ct, id, $"b{id}", $"https://bench.test/ad/{id}", first, first + (days - 1) * Day);
            var text = string.Join(' ', Enumerable.Range(0, 30).Select(k => Words[(advertiser * 7 + k * (k % 3 + 1)) % Words.Length]));
            var roll = random.Next(10);
            var (placeId, placeRaw) = advertiser % 25 == 0 ? (1 + advertiser / 25 % 50 * 80, "Dorpsstraat") // 50 rotation houses
                : roll < 6 ? (1 + (advertiser * 13 + id % 3) % Addresses, "Dorpsstraat")
                : roll < 9 ? (Addresses + 1 + advertiser % Towns.Length, Towns[advertiser % Towns.Length])
                : (0, null);
            // As extraction stores it: the text fingerprint with this version's phone and place mentions cut out.
            var (title, body) = ($"{name} – nieuw in de stad", $"Ik ben {name}. {text} Bel 06{phoneId:D8}.");
            string?[] slots = [$"06{phoneId:D8}", id % 97 == 0 ? "0900-1234" : null, placeRaw];
            var (simhash, foundName) = TextFingerprinter.Fingerprint(title, body, slots.OfType<string>());
            await Run(version, ct, id, id, $"h{id}", title, body, first, simhash is { } h ? unchecked((long)h) : null, foundName);
            await Run(adPhone, ct, id, phoneId, $"06{phoneId:D8}");
            if (id % 97 == 0)
            {
                await Run(adPhone, ct, id, advertisers + 301 + id % 5, "0900-1234");
            }
            if (placeRaw is not null)
            {
                await Run(adPlace, ct, id, placeId, placeRaw);
            }
            await Run(image, ct, id, $"https://bench.test/img/{id}.jpg", unchecked((long)(0x9E3779B97F4A7C15UL * (ulong)(advertiser * 2 + id % 2))));
            if (id % 10 == 0)
            {
                await Run(indicator, ct, id);
            }
            for (var d = 0; d < days; d++)
            {
                await Run(observation, ct, ++observationId, id, id, first + d * Day);
            }
        }
        await tx.CommitAsync(ct);
    }

    private static async Task Exec(DbConnection c, DbTransaction tx, string sql, CancellationToken ct)
    {
        await using var command = c.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static DbCommand Prepare(DbConnection c, DbTransaction tx, string sql, params string[] names)
    {
        var command = c.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var name in names)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            command.Parameters.Add(p);
        }
        command.Prepare();
        return command;
    }

    private static async Task Run(DbCommand command, CancellationToken ct, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
        await command.ExecuteNonQueryAsync(ct);
    }
}
