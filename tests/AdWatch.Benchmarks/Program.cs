// Benchmarks are added per issue; each writes its figures to stdout for the issue note.
// Usage: dotnet run -c Release --project tests/AdWatch.Benchmarks -- <benchmark> [options]
using AdWatch.Benchmarks.Extraction;

var benchmarks = new Dictionary<string, Func<string[], int>>(StringComparer.OrdinalIgnoreCase)
{
    ["extraction"] = ExtractionBenchmark.Run, // ads/s for HTML pages and plain text; see run-extraction-benchmark.sh
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: dotnet run -c Release --project tests/AdWatch.Benchmarks -- <{string.Join('|', benchmarks.Keys)}> [options]");
    return 2;
}

return run(args[1..]);
