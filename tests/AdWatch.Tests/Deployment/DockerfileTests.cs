using System.Text.Json.Nodes;

namespace AdWatch.Tests.Deployment;

/// <summary>
/// deploy/Dockerfile, which cannot be built here (no Docker daemon, no registry): linted by dockerfile-utils (the VS Code
/// Docker extension's linter) and read for the contract of issue 17 — a Debian 12 runtime with Chromium, tesseract and
/// DejaVu, a fixed non-root UID, <c>ENTRYPOINT ["adwatch"]</c>, <c>serve --role all</c> by default, a HEALTHCHECK on
/// /health/live, volumes for data and keys. deploy/check-publish.sh (in .ci/run) checks the publish output it copies.
/// </summary>
public sealed class DockerfileTests
{
    private static readonly string DockerfilePath = DeployFiles.Path("deploy", "Dockerfile");

    /// <summary>Instructions (keyword, rest) with continuation lines joined and comments dropped.</summary>
    private static List<(string Keyword, string Arguments)> Instructions()
    {
        var result = new List<(string, string)>();
        var current = "";
        foreach (var raw in File.ReadAllLines(DockerfilePath))
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || (line.Length == 0 && current.Length == 0))
            {
                continue;
            }
            current += line.EndsWith('\\') ? line[..^1] + " " : line;
            if (!line.EndsWith('\\'))
            {
                var space = current.IndexOf(' ', StringComparison.Ordinal);
                result.Add((current[..space].ToUpperInvariant(), current[(space + 1)..].Trim()));
                current = "";
            }
        }
        return result;
    }

    /// <summary>The instructions of the last stage, the image that runs.</summary>
    private static List<(string Keyword, string Arguments)> RuntimeStage()
    {
        var all = Instructions();
        return all[all.FindLastIndex(i => i.Keyword == "FROM")..];
    }

    private static string Single(string keyword) => RuntimeStage().Single(i => i.Keyword == keyword).Arguments;

    [Fact]
    public async Task Dockerfile_PassesTheDockerfileLinter()
    {
        var lint = Path.Combine(DeployTools.Folder, "node_modules", "dockerfile-utils", "bin", "dockerfile-utils");
        if (!File.Exists(lint))
        {
            Assert.Skip("dockerfile-utils " + DeployTools.InstallHint);
        }

        var (exit, stdout, stderr) = await DeployTools.RunAsync("node", [lint, "lint", DockerfilePath]);

        exit.ShouldBe(0, stdout + stderr);
        var broken = Path.Combine(Path.GetTempPath(), $"adwatch-Dockerfile-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(broken, File.ReadAllText(DockerfilePath).Replace("--interval=", "--intervall=", StringComparison.Ordinal),
            TestContext.Current.CancellationToken);
        try
        {
            (await DeployTools.RunAsync("node", [lint, "lint", broken])).Stdout.ShouldContain("Unknown flag: intervall");
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Fact]
    public void Dockerfile_RunsOnDebian12_WithChromiumTesseractAndFonts()
    {
        var instructions = Instructions();
        instructions.Single(i => i.Keyword == "ARG" && i.Arguments.StartsWith("RUNTIME_IMAGE=", StringComparison.Ordinal))
            .Arguments.ShouldBe("RUNTIME_IMAGE=debian:bookworm-slim");
        RuntimeStage()[0].Arguments.ShouldBe("${RUNTIME_IMAGE}");

        var install = RuntimeStage().Single(i => i.Keyword == "RUN" && i.Arguments.Contains("apt-get install", StringComparison.Ordinal)).Arguments;
        foreach (var package in new[] { "chromium", "tesseract-ocr", "fonts-dejavu-core", "curl", "ca-certificates" })
        {
            install.Split(' ', StringSplitOptions.RemoveEmptyEntries).ShouldContain(package);
        }
        // Debian's chromium package installs its binary here; ChromiumPool's default is the same path.
        Single("ENV").ShouldContain("ADWATCH__Browser__ChromiumPath=/usr/lib/chromium/chromium");
    }

    [Fact]
    public void Dockerfile_RunsAdwatch_AsAFixedNonRootUser()
    {
        var uid = RuntimeStage().Single(i => i.Keyword == "ARG").Arguments;
        uid.ShouldBe("ADWATCH_UID=10001");
        Single("USER").ShouldBe("${ADWATCH_UID}:${ADWATCH_UID}");
        Single("ENTRYPOINT").ShouldBe("""["adwatch"]""");
        JsonNode.Parse(Single("CMD"))!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["serve", "--role", "all"]);
        Single("ENV").ShouldContain("PATH=/opt/adwatch:$PATH");
    }

    [Fact]
    public void Dockerfile_LetsTheAppUserRunWhatItPublishes()
    {
        // Playwright's node driver comes out of dotnet publish as rwxr--r--: root's only.
        var publish = Instructions().Single(i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet publish", StringComparison.Ordinal)).Arguments;
        publish.ShouldContain("chmod -R a+rX /out");
        RuntimeStage().Single(i => i.Keyword == "COPY").Arguments.ShouldBe("--from=build /out /opt/adwatch");
    }

    [Fact]
    public void Dockerfile_ChecksHealthOnTheListenPort_AndDeclaresDataAndKeyVolumes()
    {
        var env = Single("ENV");
        env.ShouldContain("ASPNETCORE_URLS=http://+:8080");
        Single("EXPOSE").ShouldBe("8080");
        Single("HEALTHCHECK").ShouldContain("http://127.0.0.1:8080/health/live");

        var volumes = JsonNode.Parse(Single("VOLUME"))!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        volumes.ShouldBe(["/var/lib/adwatch/data", "/var/lib/adwatch/keys"]);
        env.ShouldContain("ADWATCH__Dashboard__KeysPath=/var/lib/adwatch/keys");
        env.ShouldContain("ADWATCH__Storage__DatabasePath=/var/lib/adwatch/data/adwatch.db");
    }

    [Fact]
    public void Dockerfile_CopiesOnlyFilesThatExist_AndTheBuildContextKeepsThem()
    {
        var ignored = File.ReadAllLines(DeployFiles.Path(".dockerignore")).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var sources = Instructions().Where(i => i.Keyword == "COPY" && !i.Arguments.StartsWith("--from", StringComparison.Ordinal))
            .SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..^1]).ToList();

        sources.ShouldNotBeEmpty();
        foreach (var source in sources)
        {
            (File.Exists(DeployFiles.Path(source)) || Directory.Exists(DeployFiles.Path(source))).ShouldBeTrue(source);
            ignored.ShouldNotContain(source.TrimEnd('/') + "/", source);
        }
        // The project the image publishes, and what it carries next to the binary.
        sources.ShouldContain("src/");
        sources.ShouldContain("config/");
        sources.ShouldContain("crawlers/");
    }
}
