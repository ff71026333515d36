using AdWatch.Accounts;
using AdWatch.Analysis;
using AdWatch.Exports;
using AdWatch.Extraction;
using AdWatch.Geocoding;
using AdWatch.Privacy;
using AdWatch.Review;
using AdWatch.Storage;
using Dapper;
using Microsoft.Extensions.Time.Testing;

namespace AdWatch.IntegrationTests.Storage;

/// <summary>
/// One storage suite, two databases (CONVENTIONS.md §11): every test runs on SQLite and on PostgreSQL.
/// Covers migrations from empty, an idempotent re-run, and a round trip of each table group.
/// </summary>
public abstract class StorageSuite : IAsyncLifetime
{
    protected static readonly DateTimeOffset T0 = new(2023, 3, 1, 10, 15, 0, TimeSpan.Zero);
    private TestDatabase? _db;

    protected TestDatabase Db => _db!;
    protected Database Database => Db.Database;
    protected FakeTimeProvider Time { get; } = new(T0);

    protected abstract Task<TestDatabase> CreateAsync();

    /// <summary>Tables, columns and indexes as the database reports them, for before/after comparisons.</summary>
    protected abstract Task<IReadOnlyList<string>> SchemaAsync();

    public async ValueTask InitializeAsync()
    {
        _db = await CreateAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }

    private static readonly string[] Tables =
    [
        "sites", "crawl_runs", "crawl_requests", "crawl_error_snapshots", "evidence_blobs", "ads", "ad_versions", "observations",
        "phones", "ad_phones", "places", "ad_places", "ad_indicators", "ad_images", "geocode_cache", "operators", "advertisers",
        "advertiser_ads", "locations", "stays", "flags", "users", "reviews", "audit_log", "exports", "schema_version", "stored_images",
    ];

    [Fact]
    public async Task Migrate_CreatesEveryTable_WhenDatabaseIsEmpty()
    {
        var applied = await Db.Migrator(Time).MigrateAsync(TestContext.Current.CancellationToken);

        // Every script, in order (a number may be missing while the branch that adds it has not been merged).
        applied.ShouldBe(SchemaMigrator.Scripts(Database.Dialect).Select(s => s.Version));
        var schema = string.Join("\n", await SchemaAsync());
        foreach (var table in Tables)
        {
            schema.ShouldContain($"table {table}", customMessage: $"table {table} missing");
        }
    }

    [Fact]
    public async Task Migrate_ChangesNothing_WhenRunAgain()
    {
        var ct = TestContext.Current.CancellationToken;
        await Db.Migrator(Time).MigrateAsync(ct);
        var before = await SchemaAsync();
        await using (var c = await Database.OpenAsync(ct))
        {
            (await c.QueryAsync<long>("SELECT applied_at FROM schema_version")).ShouldBe(
                Enumerable.Repeat(T0.ToUnixTimeMilliseconds(), SchemaMigrator.Scripts(Database.Dialect).Count));
        }

        Time.Advance(TimeSpan.FromDays(1));
        var second = await Db.Migrator(Time).MigrateAsync(ct);

        second.ShouldBeEmpty();
        (await SchemaAsync()).ShouldBe(before);
        await using var connection = await Database.OpenAsync(ct);
        (await connection.QueryAsync<long>("SELECT applied_at FROM schema_version")).ShouldBe(
            Enumerable.Repeat(T0.ToUnixTimeMilliseconds(), SchemaMigrator.Scripts(Database.Dialect).Count));
    }

    [Fact]
    public async Task Migrate_Refuses_WhenALandedScriptWasEdited()
    {
        var ct = TestContext.Current.CancellationToken;
        await Db.Migrator(Time).MigrateAsync(ct);
        await using (var connection = await Database.OpenAsync(ct))
        {
            await connection.ExecuteAsync("UPDATE schema_version SET checksum = 'edited' WHERE version = 1");
        }

        var error = await Should.ThrowAsync<InvalidOperationException>(() => Db.Migrator(Time).MigrateAsync(ct));
        error.Message.ShouldContain("0001");
        error.Message.ShouldContain("never be edited");
    }

    [Fact]
    public async Task ExtractionAndPlaces_RoundTrip()
    {
        var ct = TestContext.Current.CancellationToken;
        await Db.Migrator(Time).MigrateAsync(ct);
        var (_, versionId) = await Seed.AdVersionAsync(Database, "a-1", T0, ct);
        var store = new ExtractionStore(Database);
        (await store.PendingVersionIdsAsync(10, ct)).ShouldBe([versionId]);
        var address = new GeocodedAddress("Stationslaan 14, 3841 AB Harderwijk", new Place(GeoPrecision.Address, "Stationslaan", "14", "3841AB", "Harderwijk", "GM0243", true, 52.349, 5.622));
        var extraction = new GeocodedExtraction(new AdExtraction(
            [new ExtractedPhone("+31612345678", "06-12 34 56 78", false), new ExtractedPhone("+573001234567", "+57 300 123 4567", true)],
            [],
            [new IndicatorHit("new-in-town", "Nieuw in Harderwijk")]), [address]);

        await store.SaveAsync(versionId, "Nieuw", "tekst", extraction, [("https://site.test/img/1.png", 0xF0F0_0000_1234_ABCDUL)], [], T0, ct);
        await store.SaveAsync(versionId, "Nieuw", "tekst", extraction, [("https://site.test/img/1.png", 0xF0F0_0000_1234_ABCDUL)], [], T0, ct); // re-run replaces

        var stored = await store.GetAsync(versionId, ct);
        stored.Phones.Select(p => (p.E164, p.Raw, p.Obfuscated, p.Status)).ShouldBe(
            [("+31612345678", "06-12 34 56 78", false, "ok"), ("+573001234567", "+57 300 123 4567", true, "ok")]);
        var place = stored.Places.ShouldHaveSingleItem();
        (place.Key, place.Label, place.Place.Precision, place.Place.MunicipalityCode, place.Place.InRegion, place.Place.Lat, place.Place.Lon)
            .ShouldBe((address.Place.Key, "Stationslaan 14, 3841 AB Harderwijk", GeoPrecision.Address, "GM0243", true, 52.349, 5.622));
        stored.Indicators.ShouldBe([new IndicatorHit("new-in-town", "Nieuw in Harderwijk")]);
        stored.Images.ShouldBe([("https://site.test/img/1.png", (ulong?)0xF0F0_0000_1234_ABCDUL)]);
        (await store.PendingVersionIdsAsync(10, ct)).ShouldBeEmpty();

        (await store.SetPhoneStatusAsync("+31612345678", "generic", "service number of the site", "analist1", T0, ct)).ShouldBeTrue();
        (await store.GetAsync(versionId, ct)).Phones[0].Status.ShouldBe("generic");
        (await store.ResetAllAsync(ct)).ShouldBe(1);
        (await store.PendingVersionIdsAsync(10, ct)).ShouldBe([versionId]);
    }

    [Fact]
    public async Task Places_KeepTheirBagIds_WhenTheSameHouseIsStoredAgainWithout()
    {
        var ct = TestContext.Current.CancellationToken;
        await Db.Migrator(Time).MigrateAsync(ct);
        var (_, versionId) = await Seed.AdVersionAsync(Database, "a-bag", T0, ct);
        var pdok = new Place(GeoPrecision.Address, "Stationslaan", "14", "3841AB", "Harderwijk", "GM0243", true, 52.349, 5.622,
            "0243200000012345", "0243010000012345", "woonfunctie");
        var store = new ExtractionStore(Database);

        await store.SaveAsync(versionId, "Nieuw", "tekst", new GeocodedExtraction(new AdExtraction([], [], []), [new GeocodedAddress("Stationslaan 14", pdok)]),
            [], [], T0, ct);
        var stored = (await store.GetAsync(versionId, ct)).Places.ShouldHaveSingleItem();
        stored.Place.ShouldBe(pdok);

        var offline = pdok with { Lat = 52.35, NummeraanduidingId = null, AdresseerbaarObjectId = null, Gebruiksdoel = null };
        (await new PlaceStore(Database).UpsertAsync(new GeocodedAddress("Stationslaan 14", offline), "gazetteer", T0.AddDays(1), ct)).ShouldBe(stored.Id);

        var again = (await new PlaceStore(Database).GetAsync(stored.Id, ct)).ShouldNotBeNull().Place;
        again.ShouldBe(pdok with { Lat = 52.35 });
    }

    [Fact]
    public async Task Extraction_StoresTheTextFingerprint_TheCatchUpWouldCompute()
    {
        var ct = TestContext.Current.CancellationToken;
        await Db.Migrator(Time).MigrateAsync(ct);
        var (_, versionId) = await Seed.AdVersionAsync(Database, "a-1", T0, ct);
        const string title = "Luna – nieuw in Harderwijk";
        const string body = "Hoi, ik ben Luna. Bel 06-12 34 56 78, Stationslaan 14 Harderwijk, discreet en schoon, de hele week, alleen afspraak.";
        var address = new GeocodedAddress("Stationslaan 14 Harderwijk", new Place(GeoPrecision.Address, "Stationslaan", "14", "3841AB", "Harderwijk", "GM0243", true, 52.349, 5.622));
        var extraction = new GeocodedExtraction(new AdExtraction([new ExtractedPhone("+31612345678", "06-12 34 56 78", false)], [], []), [address]);

        await new ExtractionStore(Database).SaveAsync(versionId, title, body, extraction, [], [], T0, ct);

        async Task<(long? Hash, string? Name, long? At)> Stored()
        {
            await using var c = await Database.OpenAsync(ct);
            return await c.QuerySingleAsync<(long?, string?, long?)>(
                "SELECT text_simhash, advertiser_name, fingerprinted_at FROM ad_versions WHERE id = @versionId", new { versionId });
        }
        var atExtraction = await Stored();
        atExtraction.Name.ShouldBe("Luna");
        atExtraction.Hash.ShouldNotBeNull();
        atExtraction.At.ShouldBe(T0.ToUnixTimeMilliseconds());
        (await new TextFingerprinter(Database).RunAsync(false, T0.AddDays(1), ct)).ShouldBe(0); // nothing pending: analysis reads no text

        // The catch-up (for versions stored without a fingerprint) reads the same mentions back and gets the same hash.
        await using (var c = await Database.OpenAsync(ct))
        {
            await c.ExecuteAsync("UPDATE ad_versions SET title = @title, body_text = @body, text_simhash = NULL, fingerprinted_at = NULL",
                new { title, body });
        }
        (await new TextFingerprinter(Database).RunAsync(false, T0.AddDays(1), ct)).ShouldBe(1);
        var caughtUp = await Stored();
        (caughtUp.Hash, caughtUp.Name).ShouldBe((atExtraction.Hash, atExtraction.Name));
        // Without the mentions cut out the hash differs: the slots really are part of it.
        TextFingerprinter.Fingerprint(title, body, []).Hash.ShouldNotBe(unchecked((ulong)atExtraction.Hash!.Value));
    }

    [Fact]
    public async Task Review_RefusesStaleTransition_AndKeepsHistory()
    {
        var ct = TestContext.Current.CancellationToken;
        await Db.Migrator(Time).MigrateAsync(ct);
        var flagId = await Seed.FlagAsync(Database, T0, ct);
        var reviews = new ReviewStore(Database);

        (await reviews.TransitionAsync(flagId, ReviewStatus.New, ReviewStatus.InReview, "a", null, null, T0, ct)).ShouldBeTrue();
        (await reviews.TransitionAsync(flagId, ReviewStatus.New, ReviewStatus.Dismissed, "b", "te laat", null, T0, ct)).ShouldBeFalse();
        (await reviews.TransitionAsync(flagId, ReviewStatus.InReview, ReviewStatus.Dismissed, "a", "licensed after all", null, T0.AddHours(1), ct)).ShouldBeTrue();

        var history = await reviews.HistoryAsync(flagId, ct);
        history.Select(h => (h.Actor, h.FromStatus, h.ToStatus, h.Note, h.At)).ShouldBe(
            [("a", ReviewStatus.New, ReviewStatus.InReview, (string?)null, T0), ("a", ReviewStatus.InReview, ReviewStatus.Dismissed, "licensed after all", T0.AddHours(1))]);
    }

    [Fact]
    public async Task UsersAndAudit_RoundTrip()
    {
        var ct = TestContext.Current.CancellationToken;
        await Db.Migrator(Time).MigrateAsync(ct);
        var users = new UserStore(Database);
        await users.AddAsync("coord", Role.Coordinator, "hash-1", T0, ct);
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => users.AddAsync("x", (Role)99, null, T0, ct));

        // Failures count per client, and lock the account for that client only.
        var forget = TimeSpan.FromMinutes(15);
        await users.RecordFailedSignInAsync("coord", "203.0.113.5", 2, T0, T0.AddMinutes(15), forget, ct);
        (await users.FindAsync("coord", ct))!.LockedUntil.ShouldBeNull();
        await users.RecordFailedSignInAsync("coord", "198.51.100.7", 2, T0, T0.AddMinutes(15), forget, ct);
        (await users.FindAsync("coord", ct))!.LockedUntil.ShouldBeNull("one failure from each of two clients");
        await users.RecordFailedSignInAsync("coord", "203.0.113.5", 2, T0.AddMinutes(1), T0.AddMinutes(16), forget, ct);
        (await users.FindAsync("coord", ct)).ShouldNotBeNull().LockedUntil.ShouldBe(T0.AddMinutes(16));
        (await users.LockedUntilAsync("coord", "203.0.113.5", T0.AddMinutes(2), ct)).ShouldBe(T0.AddMinutes(16));
        (await users.LockedUntilAsync("coord", "198.51.100.7", T0.AddMinutes(2), ct)).ShouldBeNull();
        (await users.LockedUntilAsync("coord", "203.0.113.5", T0.AddMinutes(16), ct)).ShouldBeNull("run out");
        await users.ClearFailedSignInsAsync("coord", "198.51.100.7", T0.AddMinutes(2), forget, ct);
        (await users.LockedUntilAsync("coord", "203.0.113.5", T0.AddMinutes(2), ct)).ShouldNotBeNull("another client's good sign-in lifts nothing");
        await users.SetPasswordHashAsync("coord", "hash-1", ct);
        (await users.LockedUntilAsync("coord", "203.0.113.5", T0.AddMinutes(2), ct)).ShouldBeNull("a password reset lifts every lockout");
        await users.RecordFailedSignInAsync("coord", "203.0.113.5", 2, T0.AddMinutes(3), T0.AddMinutes(18), forget, ct);
        await users.RecordFailedSignInAsync("coord", "203.0.113.5", 2, T0.AddMinutes(19), T0.AddMinutes(34), forget, ct);
        (await users.LockedUntilAsync("coord", "203.0.113.5", T0.AddMinutes(19), ct)).ShouldBeNull("a failure 16 minutes old is forgotten");
        await users.RecordSignInAsync("coord", T0.AddHours(1), ct);
        await users.ClearFailedSignInsAsync("coord", "203.0.113.5", T0.AddHours(1), forget, ct);
        (await users.SetDisabledAsync("coord", true, ct)).ShouldBeTrue();
        var user = (await users.ListAsync(ct)).ShouldHaveSingleItem();
        (user.Name, user.Role, user.PasswordHash, user.Disabled, user.FailedLogins, user.LockedUntil, user.LastVisitAt, user.CreatedAt)
            .ShouldBe(("coord", Role.Coordinator, "hash-1", true, 0, null, T0.AddHours(1), T0));

        var audit = new AuditLog(Database, Time);
        await audit.WriteAsync("coord", "view", "location", "17", null, ct);
        Time.Advance(TimeSpan.FromMinutes(1));
        await audit.WriteAsync("coord", "export", "flag", "3", "csv", ct);
        var entries = await audit.ListAsync(T0, 10, ct);
        entries.Select(e => (e.At, e.Action, e.TargetKind, e.TargetId, e.Detail)).ShouldBe(
            [(T0.AddMinutes(1), "export", "flag", "3", "csv"), (T0, "view", "location", "17", (string?)null)]);
    }

    [Fact]
    public async Task AdStore_StoresEveryTextWithoutNul_WhenAPageOrImportHoldsNul()
    {
        var ct = TestContext.Current.CancellationToken;
        await Db.Migrator(Time).MigrateAsync(ct);
        long siteId;
        await using (var c = await Database.OpenAsync(ct))
        {
            siteId = await c.ExecuteScalarAsync<long>(
                "INSERT INTO sites (name, fetch_mode, created_at, updated_at) VALUES ('nul', 'import', @T0, @T0) RETURNING id", new { T0 });
        }
        var fields = new AdWatch.Crawling.AdFields("Mi\0la", "Nieuw\0 in Putten", "Dorpsstraat\0 1", "06\0-12345678", "2023\0", ["https://site.test/\0a.png"],
            new Dictionary<string, string> { ["age\0"] = "2\05" });

        var result = await new AdWatch.Evidence.AdStore(Database).RecordAsync(new AdWatch.Crawling.AdCapture(
            siteId, "x\01", "https://site.test/ad/1", fields, T0, "import", null, "raw\0bytes"u8.ToArray(), "text/html\0", 200), ct);

        await using var read = await Database.OpenAsync(ct);
        var row = await read.QuerySingleAsync<(string Title, string Body, string Location, string Phone, string Posted, string Images, string Extras)>(
            "SELECT title, body_text, location_text, phone_text, posted_text, image_urls, extras FROM ad_versions WHERE id = @VersionId", new { result.VersionId });
        row.ShouldBe(("Mila", "Nieuw in Putten", "Dorpsstraat 1", "06-12345678", "2023", """["https://site.test/a.png"]""", """{"age":"25"}"""));
        (await read.ExecuteScalarAsync<string>("SELECT external_id FROM ads WHERE id = @AdId", new { result.AdId })).ShouldBe("x1");
        (await read.ExecuteScalarAsync<string>("SELECT content_type FROM evidence_blobs")).ShouldBe("text/html");
    }

    [Fact]
    public async Task AdStore_RecordsARevisitAsTheVersionItRefersTo_AndNothingWhenItIsUnknown()
    {
        var ct = TestContext.Current.CancellationToken;
        await Db.Migrator(Time).MigrateAsync(ct);
        long siteId;
        await using (var c = await Database.OpenAsync(ct))
        {
            siteId = await c.ExecuteScalarAsync<long>(
                "INSERT INTO sites (name, fetch_mode, created_at, updated_at) VALUES ('warc', 'import', @T0, @T0) RETURNING id", new { T0 });
        }
        var store = new AdWatch.Evidence.AdStore(Database);
        AdWatch.Crawling.AdCapture Capture(string title, DateTimeOffset at) => new(siteId, "a1", "https://site.test/ad/1",
            new AdWatch.Crawling.AdFields(title, "tekst", null, null, null, []), at, "import", null, System.Text.Encoding.UTF8.GetBytes(title), "text/html", 200);
        var first = await store.RecordAsync(Capture("Een", T0), ct);
        var second = await store.RecordAsync(Capture("Twee", T0.AddDays(1)), ct);

        var revisit = await store.RecordRevisitAsync(siteId, "https://site.test/ad/1", "https://site.test/ad/1", T0, T0.AddDays(2), "import", ct);
        var unknown = await store.RecordRevisitAsync(siteId, "https://site.test/ad/2", "https://site.test/ad/2", T0, T0.AddDays(2), "import", ct);

        revisit.ShouldNotBeNull().VersionId.ShouldBe(first.VersionId);
        second.VersionId.ShouldNotBe(first.VersionId);
        unknown.ShouldBeNull();
        var ad = (await store.FindAsync(siteId, "a1", ct)).ShouldNotBeNull();
        ad.LastSeenAt.ShouldBe(T0.AddDays(2));
        await using var read = await Database.OpenAsync(ct);
        (await read.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM observations")).ShouldBe(3);
        (await read.ExecuteScalarAsync<long>("SELECT current_version_id FROM ads")).ShouldBe(first.VersionId);
    }

    [Fact]
    public async Task AuditLog_StoresTargetWithoutNul_WhenAQueryHoldsNul()
    {
        var ct = TestContext.Current.CancellationToken;
        await Db.Migrator(Time).MigrateAsync(ct);

        await new AuditLog(Database, Time).WriteAsync("an\0a", "lookup", "phone", "\0", "not\0 found", ct);

        var entry = (await new AuditLog(Database, Time).ListAsync(null, 10, ct)).ShouldHaveSingleItem();
        (entry.Actor, entry.TargetId, entry.Detail).ShouldBe(("ana", "", "not found"));
    }

    [Fact]
    public async Task Exports_RoundTrip()
    {
        var ct = TestContext.Current.CancellationToken;
        await Db.Migrator(Time).MigrateAsync(ct);
        var flagId = await Seed.FlagAsync(Database, T0, ct);
        var store = new ExportStore(Database);

        var id = await store.CreateAsync(flagId, "zgw", "coord", T0, ct);
        (await store.BeginAttemptAsync(id, ct)).ShouldBe(1);
        await store.SaveProgressAsync(id, "failed", """{"zaak":"http://zaken.test/zaken/1"}""", "timeout", null, ct);
        (await store.BeginAttemptAsync(id, ct)).ShouldBe(2);
        await store.SaveProgressAsync(id, "done", """{"zaak":"http://zaken.test/zaken/1","document":"http://drc.test/eio/9"}""", null, T0.AddMinutes(2), ct);

        var export = (await store.ForFlagAsync(flagId, ct)).ShouldHaveSingleItem();
        (export.Kind, export.Status, export.Attempts, export.LastError, export.CompletedAt, export.RequestedBy)
            .ShouldBe(("zgw", "done", 2, (string?)null, (DateTimeOffset?)T0.AddMinutes(2), "coord"));
        export.OutboxJson.ShouldContain("eio/9");
    }
}
