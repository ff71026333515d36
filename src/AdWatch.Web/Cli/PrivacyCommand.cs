using System.CommandLine;
using System.Text;
using System.Text.Json;
using AdWatch.Privacy;
using AdWatch.Storage;
using AdWatch.Web.Hosting;

namespace AdWatch.Web.Cli;

/// <summary>
/// <c>adwatch privacy inventory [--json] [--check]</c>: what every column of the schema holds, what deletes it and who sees it, from
/// <c>config/privacy-inventory.yaml</c> — the support of a DPIA. <c>--check</c> compares the file with the database's schema.
/// </summary>
internal static class PrivacyCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create(GlobalOptions global)
    {
        var command = new Command("privacy", "Privacy support for a DPIA");
        var json = new Option<bool>("--json") { Description = "Print the inventory as JSON" };
        var check = new Option<bool>("--check")
        {
            Description = "Compare the inventory with the database's columns (after migrating it); exit 1 listing every difference",
        };
        var inventory = new Command("inventory",
            "Every table and column: category of personal data, purpose, the retention rule that deletes it and who sees it (Markdown)")
        {
            json, check,
        };
        CliAction.Set(inventory, async (r, ct) =>
        {
            var file = PrivacyInventory.Load(AppPaths.Resolve(PrivacyInventory.DefaultFile));
            if (r.GetValue(check))
            {
                return await CheckAsync(global.Read(r), file, ct);
            }
            Console.Write(r.GetValue(json) ? ToJson(file) : ToMarkdown(file));
            return ExitCodes.Ok;
        });
        command.Subcommands.Add(inventory);
        return command;
    }

    private static async Task<int> CheckAsync(AppSettings settings, PrivacyInventory file, CancellationToken ct)
    {
        using var host = AppHost.BuildCommandHost(settings);
        await AppHost.MigrateAsync(host.Services, ct);
        var database = host.Services.GetRequiredService<Database>();
        var problems = file.Compare(await PrivacyInventory.ReadSchemaAsync(database, ct));
        if (problems.Count > 0)
        {
            throw new UserError($"{problems.Count} difference(s) between {database.Description} and the inventory:"
                + string.Concat(problems.Select(p => Environment.NewLine + "  " + p)));
        }
        Console.WriteLine($"Every column of {database.Description} is described in {file.FileName} ({file.Columns.Count} columns).");
        return ExitCodes.Ok;
    }

    /// <summary>One section per table (its retention rule and who sees it, an aligned Markdown table of its columns), then the findings: data nothing deletes.</summary>
    internal static string ToMarkdown(PrivacyInventory file)
    {
        var text = new StringBuilder();
        var byCategory = PrivacyInventory.Categories.Select(c => $"{file.Columns.Count(x => x.Category == c)} {c}");
        var tables = file.Columns.GroupBy(c => c.Table).ToList();
        text.AppendLine("# Privacy inventory").AppendLine()
            .AppendLine($"From {file.FileName}: {file.Columns.Count} columns in {tables.Count} tables ({string.Join(", ", byCategory)}).");
        foreach (var table in tables)
        {
            // The rule most columns share is said once under the heading; a column with a rule of its own shows it in the table.
            var retention = Common(table, c => c.Retention);
            var access = Common(table, c => c.Access);
            var ownRetention = table.Any(c => c.Retention != retention);
            var ownAccess = table.Any(c => c.Access != access);
            text.AppendLine().AppendLine($"## {table.Key}").AppendLine()
                .AppendLine($"Retention: {Cell(retention)}  ").AppendLine($"Seen by: {Cell(access)}").AppendLine();
            List<string> header = ["column", "category", "purpose"];
            if (ownRetention)
            {
                header.Add("retention");
            }
            if (ownAccess)
            {
                header.Add("seen by");
            }
            List<string[]> rows = [[.. header]];
            foreach (var c in table)
            {
                List<string> row = [c.Column, c.Category, Cell(c.Purpose)];
                if (ownRetention)
                {
                    row.Add(c.Retention == retention ? "" : Cell(c.Retention));
                }
                if (ownAccess)
                {
                    row.Add(c.Access == access ? "" : Cell(c.Access));
                }
                rows.Add([.. row]);
            }
            var widths = Enumerable.Range(0, header.Count).Select(i => rows.Max(row => row[i].Length)).ToArray();
            AppendRow(text, rows[0], widths);
            AppendRow(text, [.. widths.Select(w => new string('-', w))], widths);
            foreach (var row in rows.Skip(1))
            {
                AppendRow(text, row, widths);
            }
        }
        var notPurged = file.NotPurged.ToList();
        text.AppendLine().AppendLine("## Not purged").AppendLine();
        if (notPurged.Count == 0)
        {
            text.AppendLine("Every column holding data about people has a rule that deletes it.");
        }
        else
        {
            var groups = notPurged.GroupBy(c => (c.Table, c.Retention)).ToList();
            text.AppendLine($"{notPurged.Count} columns holding data about people, in {groups.Select(g => g.Key.Table).Distinct().Count()} tables, that no retention rule deletes "
                + "(in all or some cases):").AppendLine();
            foreach (var group in groups)
            {
                var columns = PrivacyInventory.Categories.Select(category => (category, names: group.Where(c => c.Category == category).Select(c => c.Column).ToList()))
                    .Where(x => x.names.Count > 0).Select(x => $"{x.category}: {string.Join(", ", x.names)}");
                text.AppendLine($"- {group.Key.Table}: {Cell(group.Key.Retention)}").AppendLine($"  ({string.Join("; ", columns)})");
            }
        }
        return text.ToString();
    }

    internal static string ToJson(PrivacyInventory file) => JsonSerializer.Serialize(new
    {
        file = file.FileName,
        columns = file.Columns.Select(c => new { c.Table, c.Column, c.Category, c.Purpose, c.Retention, c.NotPurged, c.Access }),
        notPurged = file.NotPurged.Select(c => $"{c.Table}.{c.Column}"),
    }, Json) + Environment.NewLine;

    private static string Common(IEnumerable<InventoryColumn> columns, Func<InventoryColumn, string> value) =>
        columns.GroupBy(value).OrderByDescending(g => g.Count()).First().Key;

    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    private static void AppendRow(StringBuilder text, string[] cells, int[] widths) =>
        text.AppendLine("| " + string.Join(" | ", cells.Select((c, i) => c.PadRight(widths[i]))) + " |");
}
