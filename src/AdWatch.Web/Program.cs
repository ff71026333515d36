using AdWatch.Web.Cli;

// `adwatch` is one executable: CLI verbs, the dashboard and the job server. Verbs live in Cli/, one per file.
return await AdWatchCli.RunAsync(args);
