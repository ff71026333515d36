using System.Text.Json.Nodes;

using AdWatch.TestSupport;

namespace AdWatch.Tests.Deployment;

/// <summary>
/// deploy/helm/adwatch rendered by the real helm (<c>helm lint --strict</c>, <c>helm template</c>), its manifests checked
/// against Kubernetes' OpenAPI schemas (kubernetes-models) and against the contract: web and worker roles, worker replicas,
/// probes on the health endpoints, a restricted security context, the database Secret. values.yaml is also checked
/// against values.schema.json without helm. No cluster is involved.
/// </summary>
public sealed class HelmChartTests
{
    private static readonly string Chart = DeployFiles.Path("deploy", "helm", "adwatch");

    private static string RequireHelm()
    {
        var helm = DeployTools.Helm();
        if (helm is null)
        {
            Assert.Skip("helm " + DeployTools.InstallHint);
        }
        return helm;
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> TemplateAsync(params string[] sets) =>
        await DeployTools.RunAsync(RequireHelm(), ["template", "rel", Chart, "--namespace", "adwatch", .. sets.SelectMany(s => new[] { "--set", s })]);

    private static async Task<IReadOnlyList<JsonNode>> RenderAsync(params string[] sets)
    {
        var (exit, stdout, stderr) = await TemplateAsync(sets);
        exit.ShouldBe(0, stderr);
        return YamlJson.ParseAll(stdout);
    }

    private static JsonObject Find(IReadOnlyList<JsonNode> manifests, string kind, string name) =>
        manifests.Single(m => m["kind"]!.GetValue<string>() == kind && m["metadata"]!["name"]!.GetValue<string>() == name).AsObject();

    private static JsonObject Container(JsonObject deployment) =>
        deployment["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Single()!.AsObject();

    private static string[] Strings(JsonNode? array) => [.. array!.AsArray().Select(n => n!.GetValue<string>())];

    [Fact]
    public void ValuesYaml_IsValid_AgainstValuesSchema()
    {
        SchemaFile.HelmValues.Validate(YamlJson.Parse(File.ReadAllText(Path.Combine(Chart, "values.yaml")))).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("worker:\n  # Job", "workers:\n  # Job")]
    [InlineData("  replicas: 2", "  replicas: two")]
    [InlineData("  accessModes: [ReadWriteMany]", "  accessModes: [ReadWriteAll]")]
    public void ValuesSchema_RejectsValues_WithAMistake(string good, string bad)
    {
        var text = File.ReadAllText(Path.Combine(Chart, "values.yaml"));
        text.ShouldContain(good);
        SchemaFile.HelmValues.Validate(YamlJson.Parse(text.Replace(good, bad, StringComparison.Ordinal))).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task HelmLint_Passes_Strict()
    {
        var (exit, stdout, stderr) = await DeployTools.RunAsync(RequireHelm(), ["lint", "--strict", Chart, "--set", "database.existingSecret=adwatch-db"]);

        exit.ShouldBe(0, stdout + stderr);
        stdout.ShouldContain("0 chart(s) failed");
    }

    [Fact]
    public async Task HelmTemplate_RendersManifests_ThatKubernetesSchemasAccept()
    {
        RequireHelm();
        if (!DeployTools.NodeModulesInstalled)
        {
            Assert.Skip("kubernetes-models " + DeployTools.InstallHint);
        }
        var (exit, stdout, stderr) = await TemplateAsync("database.connectionString=Host=pg;Password=synthetic", "ingress.enabled=true",
            "ingress.tlsSecretName=adwatch-tls", "knownNetworks[0]=10.0.0.0/8", "imagePullSecrets[0].name=registry");
        exit.ShouldBe(0, stderr);

        var check = await DeployTools.RunAsync("node", [Path.Combine(DeployTools.Folder, "check-manifests.mjs")], stdout);

        check.ExitCode.ShouldBe(0, check.Stdout + check.Stderr);
        // Secret, PersistentVolumeClaim, Service, two Deployments, Ingress.
        check.Stdout.ShouldContain("6 manifest(s) valid, 0 problem(s)");
        var broken = await DeployTools.RunAsync("node", [Path.Combine(DeployTools.Folder, "check-manifests.mjs")],
            stdout.Replace("pathType: Prefix", "pathType: Prefixed", StringComparison.Ordinal));
        broken.ExitCode.ShouldBe(1);
        broken.Stdout.ShouldContain("Ingress/rel-adwatch: data/spec/rules/0/http/paths/0/pathType");
    }

    [Fact]
    public async Task HelmTemplate_RunsWebAndWorkerRoles_WithTheWorkerReplicas_AndHealthProbes()
    {
        var manifests = await RenderAsync("database.existingSecret=adwatch-db", "worker.replicas=3");

        var web = Find(manifests, "Deployment", "rel-adwatch-web");
        var worker = Find(manifests, "Deployment", "rel-adwatch-worker");
        Strings(Container(web)["args"]).ShouldBe(["serve", "--role", "web"]);
        Strings(Container(worker)["args"]).ShouldBe(["serve", "--role", "worker"]);
        worker["spec"]!["replicas"]!.GetValue<long>().ShouldBe(3);
        web["spec"]!["replicas"]!.GetValue<long>().ShouldBe(1);
        foreach (var container in new[] { Container(web), Container(worker) })
        {
            container["livenessProbe"]!["httpGet"]!["path"]!.GetValue<string>().ShouldBe("/health/live");
            container["startupProbe"]!["httpGet"]!["path"]!.GetValue<string>().ShouldBe("/health/live");
            container["readinessProbe"]!["httpGet"]!["path"]!.GetValue<string>().ShouldBe("/health/ready");
        }
        var service = Find(manifests, "Service", "rel-adwatch-web");
        service["spec"]!["selector"]!["app.kubernetes.io/component"]!.GetValue<string>().ShouldBe("web");
    }

    [Fact]
    public async Task HelmTemplate_RunsNonRoot_OnAReadOnlyRootFileSystem_WithoutCapabilities()
    {
        var manifests = await RenderAsync("database.existingSecret=adwatch-db");

        foreach (var deployment in manifests.Where(m => m["kind"]!.GetValue<string>() == "Deployment").Select(m => m.AsObject()))
        {
            var pod = deployment["spec"]!["template"]!["spec"]!;
            pod["securityContext"]!["runAsNonRoot"]!.GetValue<bool>().ShouldBeTrue();
            pod["securityContext"]!["runAsUser"]!.GetValue<long>().ShouldBe(10001);
            pod["securityContext"]!["seccompProfile"]!["type"]!.GetValue<string>().ShouldBe("RuntimeDefault");
            pod["automountServiceAccountToken"]!.GetValue<bool>().ShouldBeFalse();
            var container = Container(deployment);
            container["securityContext"]!["readOnlyRootFilesystem"]!.GetValue<bool>().ShouldBeTrue();
            container["securityContext"]!["allowPrivilegeEscalation"]!.GetValue<bool>().ShouldBeFalse();
            Strings(container["securityContext"]!["capabilities"]!["drop"]).ShouldBe(["ALL"]);
            var mounts = container["volumeMounts"]!.AsArray().Select(m => m!["mountPath"]!.GetValue<string>()).ToList();
            mounts.ShouldBe(["/var/lib/adwatch/keys", "/var/lib/adwatch/data", "/tmp"], ignoreOrder: true);
        }
        var claim = Find(manifests, "PersistentVolumeClaim", "rel-adwatch-data");
        Strings(claim["spec"]!["accessModes"]).ShouldBe(["ReadWriteMany"]);
    }

    [Fact]
    public async Task HelmTemplate_ReadsTheConnectionString_FromTheExistingSecret()
    {
        var manifests = await RenderAsync("database.existingSecret=adwatch-db", "database.existingSecretKey=npgsql");

        manifests.ShouldNotContain(m => m["kind"]!.GetValue<string>() == "Secret");
        var env = Container(Find(manifests, "Deployment", "rel-adwatch-worker"))["env"]!.AsArray();
        var connection = env.Single(e => e!["name"]!.GetValue<string>() == "ADWATCH__Storage__ConnectionString")!;
        connection["valueFrom"]!["secretKeyRef"]!["name"]!.GetValue<string>().ShouldBe("adwatch-db");
        connection["valueFrom"]!["secretKeyRef"]!["key"]!.GetValue<string>().ShouldBe("npgsql");
        env.Single(e => e!["name"]!.GetValue<string>() == "ADWATCH__Storage__Provider")!["value"]!.GetValue<string>().ShouldBe("postgres");
    }

    [Fact]
    public async Task HelmTemplate_WithATrialConnectionString_MakesTheSecret()
    {
        var manifests = await RenderAsync("database.connectionString=Host=pg;Password=synthetic");

        var secret = Find(manifests, "Secret", "rel-adwatch-database");
        secret["stringData"]!["connectionString"]!.GetValue<string>().ShouldBe("Host=pg;Password=synthetic");
    }

    [Fact]
    public async Task HelmTemplate_Fails_NamingTheSetting_WithoutADatabase()
    {
        var (exit, _, stderr) = await TemplateAsync();

        exit.ShouldNotBe(0);
        stderr.ShouldContain("database.existingSecret");
    }

    [Fact]
    public async Task HelmTemplate_Fails_OnAMisspelledValue()
    {
        var (exit, _, stderr) = await TemplateAsync("database.existingSecret=adwatch-db", "workers.replicas=3");

        exit.ShouldNotBe(0);
        stderr.ShouldContain("workers");
    }

    [Fact]
    public async Task HelmTemplate_RoutesTheIngress_ToTheWebService_OnlyWhenEnabled()
    {
        (await RenderAsync("database.existingSecret=adwatch-db")).ShouldNotContain(m => m["kind"]!.GetValue<string>() == "Ingress");

        var manifests = await RenderAsync("database.existingSecret=adwatch-db", "ingress.enabled=true", "ingress.host=adwatch.gemeente.example",
            "ingress.tlsSecretName=adwatch-tls");

        var ingress = Find(manifests, "Ingress", "rel-adwatch");
        var rule = ingress["spec"]!["rules"]![0]!;
        rule["host"]!.GetValue<string>().ShouldBe("adwatch.gemeente.example");
        rule["http"]!["paths"]![0]!["backend"]!["service"]!["name"]!.GetValue<string>().ShouldBe("rel-adwatch-web");
        ingress["spec"]!["tls"]![0]!["secretName"]!.GetValue<string>().ShouldBe("adwatch-tls");
    }
}
