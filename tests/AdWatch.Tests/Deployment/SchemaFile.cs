using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace AdWatch.Tests.Deployment;

/// <summary>A JSON Schema vendored under <c>deploy/schemas</c> (or a chart's values.schema.json), loaded once, and what an
/// instance breaks of it as readable lines ("/services/web/depends_on: ...").</summary>
internal sealed class SchemaFile
{
    private readonly JsonSchema _schema;

    public SchemaFile(string path)
    {
        // An absolute, unique $id, first (an $id after "definitions" makes draft-07 subschemas register twice), and a
        // registry of its own: the vendored files carry a relative or public id.
        var root = new JsonObject { ["$id"] = $"https://adwatch.schemas.test/{Guid.NewGuid():N}/{Path.GetFileName(path)}" };
        foreach (var (key, value) in JsonNode.Parse(File.ReadAllText(path))!.AsObject().Where(p => p.Key != "$id"))
        {
            root[key] = value?.DeepClone();
        }
        _schema = JsonSchema.FromText(root.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    public static SchemaFile Compose { get; } = new(DeployFiles.Path("deploy", "schemas", "compose-spec.json"));

    public static SchemaFile Publiccode { get; } = new(DeployFiles.Path("deploy", "schemas", "publiccode.json"));

    public static SchemaFile HelmValues { get; } = new(DeployFiles.Path("deploy", "helm", "adwatch", "values.schema.json"));

    /// <summary>Validation errors; empty when <paramref name="instance"/> is valid. Formats (uri, date, email) are checked.</summary>
    public IReadOnlyList<string> Validate(JsonNode? instance)
    {
        using var document = JsonDocument.Parse(instance?.ToJsonString() ?? "null");
        var result = _schema.Evaluate(document.RootElement,
            new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (result.IsValid)
        {
            return [];
        }
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}")).Distinct().ToList();
        return errors.Count > 0 ? errors : ["invalid (no detail)"];
    }
}
