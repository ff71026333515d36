using System.Text.Json.Nodes;

using AdWatch.TestSupport;

namespace AdWatch.Tests.Deployment;

/// <summary>
/// deploy/compose.yaml against the Compose Specification's own JSON Schema (vendored from compose-spec/compose-go, the
/// schema Docker Compose validates with), after the interpolation Compose does with deploy/.env.example's values, and
/// against the contract of issue 17: PostgreSQL with a healthcheck, one web and two worker containers that wait for it,
/// shared volumes for exported files and the data-protection keys. No container runs here (no Docker daemon).
/// </summary>
public sealed class ComposeFileTests
{
    private static JsonObject Compose(IReadOnlyDictionary<string, string>? variables = null) =>
        YamlJson.Parse(DeployFiles.Read("deploy", "compose.yaml"), variables ?? DeployFiles.EnvFile("deploy", ".env.example"))!.AsObject();

    private static JsonObject Services => Compose()["services"]!.AsObject();

    private static IEnumerable<(string Name, JsonObject Service)> AdWatchServices =>
        Services.Where(s => s.Value!["command"] is JsonArray { Count: > 0 } c && c[0]!.GetValue<string>() == "serve")
            .Select(s => (s.Key, s.Value!.AsObject()));

    private static string Role(JsonObject service)
    {
        var command = service["command"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        var at = command.IndexOf("--role");
        return at >= 0 && at + 1 < command.Count ? command[at + 1] : "all";
    }

    [Fact]
    public void ComposeYaml_IsValid_AgainstTheComposeSpecification()
    {
        SchemaFile.Compose.Validate(Compose()).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("condition: service_healthy", "condition: healthy")]
    [InlineData("    healthcheck: *worker-healthcheck", "    helthcheck: *worker-healthcheck")]
    [InlineData("      retries: 12", "      retries: [12]")]
    public void ComposeSpecification_RejectsAComposeFile_WithAMistake(string good, string bad)
    {
        var text = DeployFiles.Read("deploy", "compose.yaml");
        text.ShouldContain(good);
        var broken = YamlJson.Parse(text.Replace(good, bad, StringComparison.Ordinal), DeployFiles.EnvFile("deploy", ".env.example"));

        SchemaFile.Compose.Validate(broken).ShouldNotBeEmpty();
    }

    [Fact]
    public void ComposeYaml_RunsOneWebAndTwoWorkers_OnPostgres()
    {
        var roles = AdWatchServices.Select(s => Role(s.Service)).OrderBy(r => r, StringComparer.Ordinal).ToList();
        roles.ShouldBe(["web", "worker", "worker"]);

        foreach (var (name, service) in AdWatchServices)
        {
            var environment = service["environment"]!.AsObject();
            environment["ADWATCH__Storage__Provider"]!.GetValue<string>().ShouldBe("postgres", name);
            environment["ADWATCH__Storage__ConnectionString"]!.GetValue<string>().ShouldContain("Host=postgres", customMessage: name);
            service["depends_on"]!["postgres"]!["condition"]!.GetValue<string>().ShouldBe("service_healthy", name);
            service["healthcheck"]!["test"]!.AsArray().Select(n => n!.GetValue<string>())
                .ShouldContain(t => t.EndsWith("/health/ready", StringComparison.Ordinal), name);
            service["build"]!["dockerfile"]!.GetValue<string>().ShouldBe("deploy/Dockerfile", name);
        }
        AdWatchServices.Single(s => Role(s.Service) == "web").Service["ports"].ShouldNotBeNull();
        AdWatchServices.Where(s => Role(s.Service) == "worker").ShouldAllBe(s => s.Service["ports"] == null);
    }

    [Fact]
    public void ComposeYaml_RunsPostgres15_WithAHealthcheck_AndAVolume()
    {
        var postgres = Services["postgres"]!.AsObject();

        postgres["image"]!.GetValue<string>().ShouldStartWith("postgres:15");
        string.Join(' ', postgres["healthcheck"]!["test"]!.AsArray().Select(n => n!.GetValue<string>())).ShouldContain("pg_isready");
        postgres["volumes"]!.AsArray().Select(v => v!.GetValue<string>()).ShouldContain("postgres-data:/var/lib/postgresql/data");
        Compose()["volumes"]!.AsObject().ContainsKey("postgres-data").ShouldBeTrue();
    }

    [Fact]
    public void ComposeYaml_GivesEveryAdWatchContainer_TheSameKeysAndDataVolumes()
    {
        var named = Compose()["volumes"]!.AsObject();
        foreach (var (name, service) in AdWatchServices)
        {
            var mounts = service["volumes"]!.AsArray().Select(v => v!.GetValue<string>()).ToList();
            mounts.ShouldContain("adwatch-keys:/var/lib/adwatch/keys", name);
            mounts.ShouldContain("adwatch-data:/var/lib/adwatch/data", name);
            service["environment"]!["ADWATCH__Dashboard__KeysPath"]!.GetValue<string>().ShouldBe("/var/lib/adwatch/keys", name);
            service["read_only"]!.GetValue<bool>().ShouldBeTrue(name);
        }
        named.ContainsKey("adwatch-keys").ShouldBeTrue();
        named.ContainsKey("adwatch-data").ShouldBeTrue();
    }

    [Fact]
    public void ComposeYaml_RefusesToStart_WithoutAPostgresPassword()
    {
        var variables = DeployFiles.EnvFile("deploy", ".env.example");
        variables.Remove("POSTGRES_PASSWORD");

        Should.Throw<InvalidOperationException>(() => Compose(variables)).Message.ShouldContain("POSTGRES_PASSWORD");
    }

    [Fact]
    public void EnvExample_HoldsPlaceholders_NotSecrets()
    {
        var example = DeployFiles.EnvFile("deploy", ".env.example");

        example["POSTGRES_PASSWORD"].ShouldContain("REPLACE-ME");
        File.ReadAllText(DeployFiles.Path(".gitignore")).ShouldContain("deploy/.env");
    }
}
