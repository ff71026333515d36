using System.Text.Json.Nodes;
using Json.Schema;

namespace AdWatch.IntegrationTests.Exports;

/// <summary>
/// The official ZGW OpenAPI 3.0 specs (copied under <c>Exports/zgw</c>) as JSON Schema: YAML read with YamlDotNet into
/// JSON, <c>#/components/schemas/X</c> moved to <c>#/$defs/X</c>, <c>nullable</c> turned into a null alternative, and
/// readOnly properties dropped from <c>required</c> (the server fills them; a request leaves them out).
/// </summary>
internal sealed class ZgwSchemas
{
    public static ZgwSchemas Zaken { get; } = new("vng-zaken-api-1.5.1.openapi.yaml");

    public static ZgwSchemas Documenten { get; } = new("vng-documenten-api-1.5.0.openapi.yaml");

    public static string Folder => Path.Combine(RepoPaths.Root, "tests", "AdWatch.IntegrationTests", "Exports", "zgw");

    private readonly JsonObject _defs;
    private readonly Dictionary<string, JsonSchema> _cache = [];
    private readonly Lock _lock = new();

    private ZgwSchemas(string file)
    {
        var spec = AdWatch.TestSupport.YamlJson.Parse(File.ReadAllText(Path.Combine(Folder, file)))!.AsObject();
        Spec = spec;
        var schemas = spec["components"]!["schemas"]!.DeepClone();
        Rewrite(schemas);
        _defs = schemas.AsObject();
    }

    /// <summary>The whole spec as JSON (paths, parameters), for tests that read required headers.</summary>
    public JsonObject Spec { get; }

    /// <summary>Validation errors of <paramref name="body"/> against component schema <paramref name="name"/>; empty when valid.</summary>
    public IReadOnlyList<string> Validate(string name, JsonNode? body)
    {
        JsonSchema schema;
        lock (_lock)
        {
            if (!_cache.TryGetValue(name, out schema!))
            {
                var root = new JsonObject
                {
                    ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
                    ["$id"] = $"https://zgw.schemas.test/{Guid.NewGuid():N}/{name}",
                    ["$defs"] = _defs.DeepClone(),
                    ["$ref"] = "#/$defs/" + name,
                };
                schema = JsonSchema.FromText(root.ToJsonString());
                _cache[name] = schema;
            }
        }
        using var document = System.Text.Json.JsonDocument.Parse(body?.ToJsonString() ?? "null");
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (result.IsValid)
        {
            return [];
        }
        return [.. (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}")).Distinct()];
    }

    private static void Rewrite(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["$ref"] is JsonValue r && r.GetValue<string>().StartsWith("#/components/schemas/", StringComparison.Ordinal))
                {
                    obj["$ref"] = "#/$defs/" + r.GetValue<string>()["#/components/schemas/".Length..];
                }
                if (obj["properties"] is JsonObject props && obj["required"] is JsonArray required)
                {
                    var keep = required.Select(n => n!.GetValue<string>())
                        .Where(p => props[p] is not JsonObject ps || ps["readOnly"]?.GetValue<bool>() != true).ToList();
                    obj["required"] = new JsonArray([.. keep.Select(k => (JsonNode)k)]);
                }
                foreach (var (_, child) in obj.ToList())
                {
                    Rewrite(child);
                }
                if (obj["nullable"]?.GetValue<bool>() == true)
                {
                    obj.Remove("nullable");
                    var inner = obj.DeepClone();
                    foreach (var key in obj.Select(p => p.Key).ToList())
                    {
                        obj.Remove(key);
                    }
                    obj["anyOf"] = new JsonArray(new JsonObject { ["type"] = "null" }, inner);
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Rewrite(item);
                }
                break;
        }
    }
}
