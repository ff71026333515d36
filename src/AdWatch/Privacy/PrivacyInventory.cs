using AdWatch.Storage;
using Dapper;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AdWatch.Privacy;

/// <summary>
/// What every column of the schema holds, what removes it and who may see it, read from <c>config/privacy-inventory.yaml</c> (the support of
/// the DPIA). <see cref="Compare"/> holds it against the real schema so that a migration adding a column cannot land without
/// its entry: a test migrates a fresh database and fails on any difference, and <c>adwatch privacy inventory --check</c> does
/// the same against a deployment's database. The file is walked node by node so every error names file, line and field.
/// </summary>
public sealed class PrivacyInventory
{
    /// <summary>Where the inventory is looked for (resolved as <see cref="AppPaths.Resolve"/> says).</summary>
    public const string DefaultFile = "config/privacy-inventory.yaml";

    /// <summary>The categories, most sensitive first: GDPR art. 9 data about people in ads, data about users and staff,
    /// ids/hashes/times that link to a person, technical.</summary>
    public static readonly IReadOnlyList<string> Categories = ["special-category", "personal", "pseudonymous", "none"];

    private PrivacyInventory(string fileName, IReadOnlyList<InventoryColumn> columns)
    {
        FileName = fileName;
        Columns = columns;
    }

    /// <summary>The file as named in messages.</summary>
    public string FileName { get; }

    /// <summary>Every described column, in file order (grouped by table).</summary>
    public IReadOnlyList<InventoryColumn> Columns { get; }

    /// <summary>Columns holding data about people that nothing deletes, at least in some cases: findings for the DPIA.</summary>
    public IEnumerable<InventoryColumn> NotPurged => Columns.Where(c => c.Category != "none" && c.NotPurged);

    /// <exception cref="PrivacyInventoryException">The file is missing or invalid; the message names file, line and field.</exception>
    public static PrivacyInventory Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new PrivacyInventoryException($"{path}: not found; it ships as {DefaultFile} next to adwatch.");
        }
        using var reader = new StreamReader(path);
        return Parse(reader, path);
    }

    public static PrivacyInventory Parse(TextReader text, string fileName)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(text);
        }
        catch (YamlException e)
        {
            throw new PrivacyInventoryException($"{fileName}:{e.Start.Line}: not valid YAML: {e.Message}");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var line = stream.Documents.Count == 0 ? 1 : stream.Documents[0].RootNode.Start.Line;
            throw new PrivacyInventoryException($"{fileName}:{line}: expected a mapping of table names to their retention and columns.");
        }
        var columns = new List<InventoryColumn>();
        foreach (var (tableKey, tableNode) in root.Children)
        {
            var table = Name(tableKey, fileName, "table");
            if (tableNode is not YamlMappingNode tableMap)
            {
                throw Error(fileName, tableNode, table, "expected a mapping with retention, access and columns.");
            }
            string? tableRetention = null, tableAccess = null;
            YamlMappingNode? columnMap = null;
            foreach (var (key, value) in tableMap.Children)
            {
                switch (Name(key, fileName, table))
                {
                    case "retention": tableRetention = Text(value, fileName, $"{table}.retention"); break;
                    case "access": tableAccess = Text(value, fileName, $"{table}.access"); break;
                    case "columns":
                        columnMap = value as YamlMappingNode ?? throw Error(fileName, value, $"{table}.columns", "expected a mapping of column names.");
                        break;
                    case var other: throw Error(fileName, key, $"{table}.{other}", "unknown field (a table has retention, access and columns).");
                }
            }
            if (columnMap is null || columnMap.Children.Count == 0)
            {
                throw Error(fileName, tableKey, $"{table}.columns", "missing: list every column of the table.");
            }
            foreach (var (columnKey, columnNode) in columnMap.Children)
            {
                columns.Add(ParseColumn(table, Name(columnKey, fileName, table), columnKey, columnNode, tableRetention, tableAccess, fileName));
            }
        }
        return new PrivacyInventory(fileName, columns);
    }

    private static InventoryColumn ParseColumn(string table, string column, YamlNode key, YamlNode node, string? tableRetention, string? tableAccess,
        string fileName)
    {
        var field = $"{table}.{column}";
        if (node is not YamlMappingNode map)
        {
            throw Error(fileName, node, field, "expected a mapping with category, purpose and (unless the table gives them) retention and access.");
        }
        string? category = null, purpose = null, retention = null, access = null;
        foreach (var (k, value) in map.Children)
        {
            switch (Name(k, fileName, field))
            {
                case "category":
                    category = Text(value, fileName, $"{field}.category");
                    if (!Categories.Contains(category))
                    {
                        throw Error(fileName, value, $"{field}.category", $"'{category}' is not one of {string.Join(", ", Categories)}.");
                    }
                    break;
                case "purpose": purpose = Text(value, fileName, $"{field}.purpose"); break;
                case "retention": retention = Text(value, fileName, $"{field}.retention"); break;
                case "access": access = Text(value, fileName, $"{field}.access"); break;
                case var other: throw Error(fileName, k, $"{field}.{other}", "unknown field (a column has category, purpose, retention and access).");
            }
        }
        return new InventoryColumn(table, column,
            category ?? throw Error(fileName, key, $"{field}.category", $"missing: one of {string.Join(", ", Categories)}."),
            purpose ?? throw Error(fileName, key, $"{field}.purpose", "missing: say in a few words what the column is for."),
            retention ?? tableRetention ?? throw Error(fileName, key, $"{field}.retention",
                "missing, and the table gives none: name what deletes it (RetentionPurge ..., analysis run, kept: technical) or say 'not purged'."),
            access ?? tableAccess ?? throw Error(fileName, key, $"{field}.access",
                "missing, and the table gives none: say who may see it (which roles, on which page or export), or 'no one'."),
            key.Start.Line);
    }

    /// <summary>
    /// The differences between this inventory and <paramref name="schema"/>: one line per column a migration created that is not
    /// described, and per described column that no table has. Empty when they match.
    /// </summary>
    public IReadOnlyList<string> Compare(IEnumerable<SchemaColumn> schema)
    {
        var actual = schema.ToHashSet();
        var described = Columns.Select(c => new SchemaColumn(c.Table, c.Column)).ToHashSet();
        var problems = actual.Where(c => !described.Contains(c)).OrderBy(c => c.Table, StringComparer.Ordinal).ThenBy(c => c.Column, StringComparer.Ordinal)
            .Select(c => $"migration adds {c.Table}.{c.Column}: describe it in {FileName}").ToList();
        problems.AddRange(Columns.Where(c => !actual.Contains(new SchemaColumn(c.Table, c.Column))).Select(c =>
            $"{FileName}:{c.Line}: {c.Table}.{c.Column} is described but the schema has no such column: remove it or correct the name"));
        return problems;
    }

    /// <summary>Every column of every table of the database (SQLite's own sqlite_* tables left out), ordered by table.</summary>
    public static async Task<IReadOnlyList<SchemaColumn>> ReadSchemaAsync(Database database, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var sql = database.Dialect == SqlDialect.Postgres
            ? """
              SELECT table_name, column_name FROM information_schema.columns
              WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position
              """
            : """
              SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p
              WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\' ORDER BY m.name, p.cid
              """;
        var rows = await connection.QueryAsync<(string Table, string Column)>(new CommandDefinition(sql, cancellationToken: ct));
        return [.. rows.Select(r => new SchemaColumn(r.Table, r.Column))];
    }

    private static string Name(YamlNode node, string fileName, string where) =>
        node is YamlScalarNode { Value: { Length: > 0 } v } ? v : throw Error(fileName, node, where, "expected a name.");

    private static string Text(YamlNode node, string fileName, string field) =>
        node is YamlScalarNode { Value: { } v } && !string.IsNullOrWhiteSpace(v) ? v.Trim()
            : throw Error(fileName, node, field, "expected a single non-empty value.");

    private static PrivacyInventoryException Error(string fileName, YamlNode node, string field, string message) =>
        new($"{fileName}:{node.Start.Line}: {field}: {message}");
}

/// <summary>One described column: what it holds, what deletes it, who may see it. <paramref name="Line"/> is where the file describes it.</summary>
public sealed record InventoryColumn(string Table, string Column, string Category, string Purpose, string Retention, string Access, long Line)
{
    /// <summary>The retention rule says that nothing deletes it (in some or all cases).</summary>
    public bool NotPurged => Retention.StartsWith("not purged", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A column as the database has it.</summary>
public readonly record struct SchemaColumn(string Table, string Column);

/// <summary>The privacy inventory file is missing or invalid; the message names the file, line and field.</summary>
public sealed class PrivacyInventoryException(string message) : Exception(message);
