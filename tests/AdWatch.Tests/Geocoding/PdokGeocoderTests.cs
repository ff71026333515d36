using AdWatch.Geocoding;
using AdWatch.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AdWatch.Tests.Geocoding;

/// <summary>Online geocoding through the real DI wiring, HTTP stack and SQLite cache against a local Locatieserver stand-in.</summary>
public sealed class PdokGeocoderTests : IAsyncLifetime
{
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"adwatch-geo-{Guid.NewGuid():N}.db");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly CapturingLoggerProvider _logs = new();
    private readonly List<ServiceProvider> _providers = [];
    private PdokTestServer _server = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await PdokTestServer.StartAsync(Ct);
        await using var database = new Database(Microsoft.Extensions.Options.Options.Create(new StorageOptions { DatabasePath = _db }));
        await new SchemaMigrator(database, _time, NullLogger<SchemaMigrator>.Instance).MigrateAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }
        await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _db, _db + "-wal", _db + "-shm" })
        {
            File.Delete(file);
        }
    }

    private TextResolver Resolver(bool online = true, double requestsPerSecond = 4, bool gebruiksdoel = false)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Geocoding:BagGebruiksdoelUrl"] = gebruiksdoel ? _server.BagUrl : null,
            ["Region:DataFolder"] = RegionFixture.DataFolder,
            ["Geocoding:Online"] = online ? "true" : "false",
            ["Geocoding:PdokBaseUrl"] = _server.BaseUrl,
            ["Geocoding:Retries"] = "1",
            ["Geocoding:RequestsPerSecond"] = requestsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Geocoding:RetryDelay"] = "00:00:00.010",
            ["Storage:DatabasePath"] = _db,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(_logs));
        services.AddSingleton<TimeProvider>(_time);
        services.AddAdWatchGeocoding(config);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        _providers.Add(provider);
        return TextResolver.From(provider);
    }

    /// <summary>The resilience handler takes its retry delays from the injected (fake) clock: move it until the call ends.</summary>
    private async Task<T> WithClockRunning<T>(Task<T> task)
    {
        while (!task.IsCompleted)
        {
            _time.Advance(TimeSpan.FromMilliseconds(50));
            await Task.WhenAny(task, Task.Delay(5, Ct));
        }
        return await task;
    }

    [Fact]
    public async Task ResolveAsync_SendsRegionFilterAndStreetQuery_WhenTextHasAddress()
    {
        await Resolver().ResolveAsync("Stationsstraat 12, Harderwijk", Ct);

        var request = _server.Requests.ShouldHaveSingleItem();
        request.ShouldContain("fq=gemeentecode:(0233 OR 0243 OR 0273)");
        request.ShouldContain("fq=type:adres");
        request.ShouldContain("q=Stationsstraat 12 Harderwijk");
    }

    [Fact]
    public async Task ResolveAsync_AsksForStreet_WhenTextHasStreetWithoutNumber()
    {
        await Resolver().ResolveAsync("Harderwijkerweg, Ermelo", Ct);

        var request = _server.Requests.ShouldHaveSingleItem();
        request.ShouldContain("fq=type:weg");
        request.ShouldContain("q=Harderwijkerweg Ermelo&");
    }

    [Fact]
    public async Task ResolveAsync_MarksResultOutOfRegion_WhenPdokReturnsAddressElsewhere()
    {
        var result = (await Resolver().ResolveAsync("Stationsstraat 12, Harderwijk", Ct))[0];

        AddressResolverTests.Describe(result).ShouldBe("address|Bolstraat|1|3581WS|Utrecht|GM0344|out");
        result.Raw.ShouldBe("Stationsstraat 12, Harderwijk");
        result.Place.Lat!.Value.ShouldBe(52.08884161, 1e-8);
        result.Place.Lon!.Value.ShouldBe(5.13287587, 1e-8);
    }

    [Fact]
    public async Task ResolveAsync_ReturnsBagPointInRegion_WhenPdokFindsAddressInRegion()
    {
        _server.Answer = (200, "synthetic_harderwijk_free.json");

        var result = (await Resolver().ResolveAsync("stationsstraat 12 harderwijk", Ct))[0];

        AddressResolverTests.Describe(result).ShouldBe("address|Stationsstraat|12|3841AB|Harderwijk|GM0243|in");
        result.Place.Lat.ShouldBe(52.35002);
        result.Place.Key.ShouldBe("adr:GM0243:STATIONSSTRAAT:12");
    }

    [Fact]
    public async Task ResolveAsync_AnswersFromCache_WhenSameAddressAskedAgainEvenAfterRestart()
    {
        var first = await Resolver().ResolveAsync("Stationsstraat 12, Harderwijk", Ct);
        var again = await Resolver().ResolveAsync("Stationsstraat 12, Harderwijk", Ct);
        var afterRestart = await Resolver().ResolveAsync("Stationsstraat 12, Harderwijk", Ct);

        _server.Requests.Count.ShouldBe(1);
        again.ShouldBe(first);
        afterRestart.ShouldBe(first);
    }

    [Fact]
    public async Task ResolveAsync_AsksAgain_WhenCachedAnswerIsOlderThanCacheDays()
    {
        var resolver = Resolver();
        await resolver.ResolveAsync("Stationsstraat 12, Harderwijk", Ct);

        _time.Advance(TimeSpan.FromDays(181));
        await resolver.ResolveAsync("Stationsstraat 12, Harderwijk", Ct);

        _server.Requests.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData(400, "foarsitter_error.json", 1)] // a client error is not retried
    [InlineData(500, "foarsitter_error.json", 2)] // a server error is retried once (Geocoding:Retries = 1)
    [InlineData(200, "README.md", 1)]             // not JSON
    public async Task ResolveAsync_FallsBackToOfflineWithWarning_WhenPdokFails(int status, string file, int expectedRequests)
    {
        _server.Answer = (status, file);

        var results = await WithClockRunning(Resolver().ResolveAsync("Stationsstraat 12, Harderwijk", Ct));

        AddressResolverTests.Describe(results.ShouldHaveSingleItem()).ShouldBe("address|Stationsstraat|12||Harderwijk|GM0243|in");
        _server.Requests.Count.ShouldBe(expectedRequests);
        _logs.Entries.ShouldContain(e => e.Level == LogLevel.Warning && e.Message.Contains("PDOK geocoding of an address failed"));
        _logs.Entries.ShouldNotContain(e => e.Message.Contains("Stationsstraat")); // no address in a log, nor in a logged request URL
    }

    [Fact]
    public async Task ResolveAsync_DoesNotCacheFailures_WhenPdokFailsOnce()
    {
        _server.Answer = (400, "foarsitter_error.json");
        await Resolver().ResolveAsync("Stationsstraat 12, Harderwijk", Ct);

        _server.Answer = (200, "synthetic_harderwijk_free.json");
        var result = (await Resolver().ResolveAsync("Stationsstraat 12, Harderwijk", Ct))[0];

        result.Place.Lat.ShouldBe(52.35002);
        _server.Requests.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("regio Ermelo")]           // places and postcodes are answered by the gazetteer
    [InlineData("3841 AB Harderwijk")]
    [InlineData("Bolstraat 1, Utrecht")]   // the region filter could never find an address the ad puts elsewhere
    public async Task ResolveAsync_SendsNoRequest_WhenGazetteerSuffices(string text)
    {
        var results = await Resolver().ResolveAsync(text, Ct);

        results.ShouldNotBeEmpty();
        _server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task ResolveAsync_WaitsForRateLimit_WhenRequestsComeFasterThanAllowed()
    {
        var resolving = Resolver(requestsPerSecond: 1).ResolveAsync("Stationsstraat 12, Harderwijk. Kerkweg 3, Ermelo", Ct);

        for (var i = 0; i < 500 && _server.Requests.IsEmpty; i++)
        {
            await Task.Delay(10, Ct);
        }
        await Task.Delay(100, Ct);
        _server.Requests.Count.ShouldBe(1);
        resolving.IsCompleted.ShouldBeFalse();

        _time.Advance(TimeSpan.FromSeconds(1));
        var results = await resolving;

        _server.Requests.Count.ShouldBe(2);
        results.Count.ShouldBe(1); // both answered with the same recorded address
    }

    [Fact]
    public async Task ResolveAsync_SendsNoRequest_WhenOnlineIsOff()
    {
        var result = (await Resolver(online: false).ResolveAsync("Stationsstraat 12, Harderwijk", Ct))[0];

        result.Place.Precision.ShouldBe(GeoPrecision.Address);
        _server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task ResolveAsync_AsksForAndKeepsBagIds_WhenPdokFindsAddress()
    {
        _server.Answer = (200, "synthetic_harderwijk_free.json");

        var place = (await Resolver().ResolveAsync("Stationsstraat 12, Harderwijk", Ct))[0].Place;

        _server.Requests.ShouldHaveSingleItem().ShouldContain("&fl=id,type,weergavenaam,straatnaam,huis_nlt,postcode,woonplaatsnaam,gemeentecode,centroide_ll,score,nummeraanduiding_id,adresseerbaarobject_id&");
        place.NummeraanduidingId.ShouldBe("0243200000012345");
        place.AdresseerbaarObjectId.ShouldBe("0243010000012345");
        place.Gebruiksdoel.ShouldBeNull(); // Geocoding:BagGebruiksdoelUrl is off by default
        _server.BagRequests.ShouldBeEmpty();
    }

    [Fact]
    public async Task ResolveAsync_KeepsBagIds_WhenAnswerComesFromCacheAfterRestart()
    {
        _server.Answer = (200, "synthetic_harderwijk_free.json");
        await Resolver().ResolveAsync("Stationsstraat 12, Harderwijk", Ct);
        _server.Answer = (500, "foarsitter_error.json"); // any further request would fail and fall back to offline (no ids)

        var cached = (await Resolver().ResolveAsync("Stationsstraat 12, Harderwijk", Ct))[0].Place;

        _server.Requests.Count.ShouldBe(1);
        cached.NummeraanduidingId.ShouldBe("0243200000012345");
        cached.AdresseerbaarObjectId.ShouldBe("0243010000012345");
    }

    [Fact]
    public async Task ResolveAsync_LooksUpGebruiksdoelOnceAndCachesIt_WhenBagLookupIsConfigured()
    {
        _server.Answer = (200, "synthetic_harderwijk_free.json");

        var first = (await Resolver(gebruiksdoel: true).ResolveAsync("Stationsstraat 12, Harderwijk", Ct))[0].Place;
        var afterRestart = (await Resolver(gebruiksdoel: true).ResolveAsync("Stationsstraat 12, Harderwijk", Ct))[0].Place;

        first.Gebruiksdoel.ShouldBe("woonfunctie");
        first.NummeraanduidingId.ShouldBe("0243200000012345");
        afterRestart.ShouldBe(first);
        _server.BagRequests.ShouldHaveSingleItem().ShouldBe("?identificatie=0243010000012345&f=json");
        _server.Requests.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData(500, "foarsitter_error.json")]
    [InlineData(200, "README.md")] // not JSON
    public async Task ResolveAsync_KeepsBagIdsWithoutGebruiksdoel_WhenBagLookupFails(int status, string file)
    {
        _server.Answer = (200, "synthetic_harderwijk_free.json");
        _server.BagAnswer = (status, file);

        var place = (await WithClockRunning(Resolver(gebruiksdoel: true).ResolveAsync("Stationsstraat 12, Harderwijk", Ct)))[0].Place;

        place.Lat.ShouldBe(52.35002); // the PDOK answer stands
        place.NummeraanduidingId.ShouldBe("0243200000012345");
        place.Gebruiksdoel.ShouldBeNull();
        if (status != 200)
        {
            _logs.Entries.ShouldContain(e => e.Level == LogLevel.Warning && e.Message.Contains("BAG gebruiksdoel lookup failed"));
            _logs.Entries.ShouldNotContain(e => e.Message.Contains("0243010000012345")); // a BAG id names the house
        }
    }

    [Fact]
    public async Task ResolveAsync_HasNoBagIds_WhenOffline()
    {
        var place = (await Resolver(online: false, gebruiksdoel: true).ResolveAsync("Stationsstraat 12, Harderwijk", Ct))[0].Place;

        place.Precision.ShouldBe(GeoPrecision.Address);
        (place.NummeraanduidingId, place.AdresseerbaarObjectId, place.Gebruiksdoel).ShouldBe((null, null, null));
        _server.BagRequests.ShouldBeEmpty();
    }
}
