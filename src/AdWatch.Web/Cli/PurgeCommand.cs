using System.CommandLine;
using AdWatch.Jobs;
using AdWatch.Web.Hosting;

namespace AdWatch.Web.Cli;

/// <summary><c>adwatch purge</c>: runs the retention purge now (the server also runs it on schedule) and prints what went.</summary>
internal static class PurgeCommand
{
    public static Command Create(GlobalOptions global)
    {
        var command = new Command("purge", "Delete personal data whose retention period has passed (config section Retention), now");
        CliAction.Set(command, async (r, ct) =>
        {
            using var host = AppHost.BuildCommandHost(global.Read(r));
            await AppHost.MigrateAsync(host.Services, ct);
            var actor = $"cli:{Environment.UserName}";
            var result = await host.Services.GetRequiredService<RetentionJob>().PurgeAsync(actor, ct);
            Console.WriteLine($"Purged {result}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
