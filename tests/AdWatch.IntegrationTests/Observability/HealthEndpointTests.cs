using System.Net;
using System.Text.Json;
using AdWatch.IntegrationTests.Storage;
using AdWatch.Storage;
using AdWatch.Web.Observability;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Dapper;
using Npgsql;

namespace AdWatch.IntegrationTests.Observability;

/// <summary>
/// <c>/health/live</c> answers while the process runs; <c>/health/ready</c> (and its old name <c>/healthz</c>) only while the
/// database answers a query, the job store answers and the data disk has room. Anonymous, JSON, never cached.
/// </summary>
public sealed class HealthEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ready_Is200WithEveryCheckHealthy_WhenDatabaseJobStoreAndDiskAreFine()
    {
        await using var app = await HealthApp.StartAsync();
        using var client = app.NewClient();

        var response = await client.GetAsync("/health/ready", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var body = await Body(response);
        body.GetProperty("status").GetString().ShouldBe("Healthy");
        var checks = body.GetProperty("checks");
        checks.EnumerateObject().Select(c => c.Name).ShouldBe(["database", "jobs", "disk"], ignoreOrder: true);
        checks.EnumerateObject().ShouldAllBe(c => c.Value.GetProperty("status").GetString() == "Healthy");
        checks.GetProperty("database").GetProperty("description").GetString()!.ShouldStartWith("SQLite: schema version ");
        checks.GetProperty("jobs").GetProperty("description").GetString()!.ShouldContain("job server(s)");
        (await response.Content.ReadAsStringAsync(Ct)).ShouldNotContain(app.DatabasePath);
    }

    [Fact]
    public async Task Ready_Is503NamingTheDatabase_AndLiveStays200_WhenSqliteFileIsDeleted()
    {
        await using var app = await HealthApp.StartAsync();
        using var client = app.NewClient();
        (await client.GetAsync("/health/ready", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        app.DeleteDatabase();
        var ready = await client.GetAsync("/health/ready", Ct);
        var alias = await client.GetAsync("/healthz", Ct);
        var live = await client.GetAsync("/health/live", Ct);

        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        ready.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var checks = (await Body(ready)).GetProperty("checks");
        checks.GetProperty("database").GetProperty("status").GetString().ShouldBe("Unhealthy");
        checks.GetProperty("database").GetProperty("description").GetString().ShouldBe("SQLite: the database file is missing.");
        checks.GetProperty("jobs").GetProperty("status").GetString().ShouldBe("Healthy");
        alias.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        live.StatusCode.ShouldBe(HttpStatusCode.OK);
        var liveBody = await Body(live);
        liveBody.GetProperty("status").GetString().ShouldBe("Healthy");
        liveBody.GetProperty("checks").EnumerateObject().Select(c => c.Name).ShouldBe(["process"]);
        File.Exists(app.DatabasePath).ShouldBeFalse("the check must not create an empty database in the deleted one's place");
    }

    [Fact]
    public async Task Ready_Is503NamingTheDisk_WhenFreeSpaceIsBelowTheThreshold()
    {
        await using var app = await HealthApp.StartAsync("""{ "Observability": { "MinFreeDiskMegabytes": 10000000 } }""");
        using var client = app.NewClient();

        var response = await client.GetAsync("/health/ready", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var checks = (await Body(response)).GetProperty("checks");
        checks.GetProperty("disk").GetProperty("status").GetString().ShouldBe("Unhealthy");
        checks.GetProperty("disk").GetProperty("description").GetString()!.ShouldContain("below Observability:MinFreeDiskMegabytes = 10000000");
        checks.GetProperty("database").GetProperty("status").GetString().ShouldBe("Healthy");
    }

    [Fact]
    public async Task DatabaseCheck_IsUnhealthyWithoutNamingTheHost_WhenPostgresPortIsClosed()
    {
        var port = LoopbackPort.Free();
        await using var database = new Database(Options.Create(new StorageOptions
        {
            Provider = "postgres",
            ConnectionString = $"Host=127.0.0.1;Port={port};Database=adwatch;Username=adwatch;Password=x;Timeout=3;Pooling=false",
        }));

        var result = await new DatabaseHealthCheck(database).CheckHealthAsync(new HealthCheckContext(), Ct);

        result.Status.ShouldBe(HealthStatus.Unhealthy);
        result.Description.ShouldBe("PostgreSQL: query failed (NpgsqlException).");
    }

    [Fact]
    public async Task DatabaseCheck_IsHealthy_ThenUnhealthy_WhenThePostgresDatabaseIsDropped()
    {
        await using var db = await TestDatabase.PostgresAsync();
        await db.Migrator().MigrateAsync(Ct);
        var check = new DatabaseHealthCheck(db.Database);
        var healthy = await check.CheckHealthAsync(new HealthCheckContext(), Ct);

        string name;
        await using (var c = await db.Database.OpenAsync(Ct))
        {
            name = (await c.ExecuteScalarAsync<string>("SELECT current_database()"))!;
        }
        await using (var admin = new NpgsqlConnection(Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable)))
        {
            await admin.ExecuteAsync($"DROP DATABASE {name} WITH (FORCE)");
        }
        var gone = await check.CheckHealthAsync(new HealthCheckContext(), Ct);

        healthy.Status.ShouldBe(HealthStatus.Healthy);
        healthy.Description!.ShouldStartWith("PostgreSQL: schema version ");
        gone.Status.ShouldBe(HealthStatus.Unhealthy);
        gone.Description!.ShouldStartWith("PostgreSQL: query failed (");
    }

    private static async Task<JsonElement> Body(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
}
