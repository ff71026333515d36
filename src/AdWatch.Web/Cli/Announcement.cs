using Spectre.Console;

namespace AdWatch.Web.Cli;

/// <summary>
/// What a person starting AdWatch must not miss: <c>serve</c>'s one-time set-up link and the demo's accounts. On a terminal they
/// stand out in a panel and a table; piped, they stay the plain lines that scripts and tests read.
/// </summary>
internal static class Announcement
{
    /// <summary>The one-time link that creates the first administrator.</summary>
    public static void SetupLink(int hours, string link)
    {
        var plain = $"No accounts yet: create the administrator within {hours} h at {link}";
        if (Console.IsOutputRedirected)
        {
            Console.Out.WriteLine(plain);
            Console.Out.Flush();
            return;
        }
        var console = TerminalConsole.Out;
        console.Write(new Rule("[bold yellow]No accounts yet[/]") { Justification = Justify.Left });
        console.MarkupLine($"Create the administrator within [bold]{hours} h[/] (the link works once):");
        // Raw, never wrapped by Spectre: a URL cut by a hard line break cannot be copied or clicked.
        Console.Out.WriteLine(link);
        console.Write(new Rule { Style = new Style(Color.Yellow) });
    }

    /// <summary>
    /// Where a started <c>serve</c> answers, on a terminal only: piped, the server's own "Now listening on" log line (kept at
    /// Information there) says it, and a script reading standard output expects nothing else.
    /// </summary>
    public static void Serving(Hosting.ServeRole role, string url)
    {
        if (Console.IsOutputRedirected)
        {
            return;
        }
        var console = TerminalConsole.Out;
        console.MarkupLine(role == Hosting.ServeRole.Worker
            ? $"AdWatch worker: runs the scheduled jobs; health and metrics at [bold]{Markup.Escape(url + "/health/ready")}[/]. [dim]Ctrl+C stops it.[/]"
            : $"AdWatch serves the dashboard at [bold link]{Markup.Escape(url)}[/]{(role == Hosting.ServeRole.Web ? " (jobs run in the worker processes)" : "")}. [dim]Ctrl+C stops it.[/]");
    }

    /// <summary>The demo dashboard's address and its accounts with this run's passwords.</summary>
    public static void DemoAccounts(string url, IReadOnlyList<(string Name, string Role, string Organisation, string Password)> accounts)
    {
        if (Console.IsOutputRedirected)
        {
            Console.WriteLine($"Dashboard: {url} — sign in with one of these demo accounts (new passwords every run):");
            foreach (var (name, role, organisation, password) in accounts)
            {
                Console.WriteLine($"  {name,-14} {password}   ({role}, {organisation})");
            }
            Console.WriteLine("Press Ctrl+C to stop.");
            return;
        }
        var table = new Table { Border = TableBorder.Rounded }
            .AddColumn("Account").AddColumn("Password (new every run)").AddColumn("Role").AddColumn("Organisation");
        foreach (var (name, role, organisation, password) in accounts)
        {
            table.AddRow(new Text(name), new Text(password, new Style(decoration: Decoration.Bold)), new Text(role), new Text(organisation));
        }
        var console = TerminalConsole.Out;
        console.WriteLine();
        console.Write(new Rule("[bold green]AdWatch demo[/]") { Justification = Justify.Left });
        console.MarkupLine($"Dashboard: [bold link]{Markup.Escape(url)}[/] — sign in with one of these demo accounts:");
        console.Write(table);
        console.MarkupLine("[dim]Press Ctrl+C to stop.[/]");
    }
}
