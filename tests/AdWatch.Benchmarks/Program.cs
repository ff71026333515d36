// Benchmarks are added per issue; each writes its figures to stdout for the issue note.
// Dispatch by the first argument: `dotnet run -c Release --project tests/AdWatch.Benchmarks -- <benchmark> [options]`.
return args.FirstOrDefault() switch
{
    "analysis" => await AdWatch.Benchmarks.Analysis.AnalysisBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/AdWatch.Benchmarks -- <benchmark>   (benchmarks: analysis)");
    return 2;
}
