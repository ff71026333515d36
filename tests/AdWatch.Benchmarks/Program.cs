// Benchmarks are added per issue; each writes its figures to stdout for the issue note.
// Dispatch by the first argument: `dotnet run -c Release --project tests/AdWatch.Benchmarks -- <benchmark> [options]`.
using AdWatch.Benchmarks.Extraction;

return args.FirstOrDefault() switch
{
    "analysis" => await AdWatch.Benchmarks.Analysis.AnalysisBenchmark.RunAsync(args[1..]),
    "dashboard" => await AdWatch.Benchmarks.Analysis.DashboardBenchmark.RunAsync(args[1..]), // flagged list + dossier p50/p95
    "crawl-http" or "crawl-browser" => await AdWatch.Benchmarks.Crawling.CrawlBenchmark.RunAsync(args[0], args[1..]),
    "revisit-http" or "revisit-browser" => await AdWatch.Benchmarks.Crawling.RevisitBenchmark.RunAsync(args[0], args[1..]), // requests per daily revisit
    "extraction" => ExtractionBenchmark.Run(args[1..]), // ads/s for HTML pages and plain text; see run-extraction-benchmark.sh
    "startup" or "extract-process" => ProcessBenchmark.Run(args[0], args[1..]), // whole-process adwatch extract vs the Python peer; see run-process-benchmark.sh
    "synthetic-ads" => AdWatch.Benchmarks.Extraction.SyntheticAds.Generate(args[1..]), // --ads N --out FILE: the extract-process input, to profile by hand
    "parse" => AdWatch.Benchmarks.Html.ParseBenchmark.Run(args[1..]), // the HTML step on ordinary and hostile pages
    "ocr" => await OcrBenchmark.RunAsync(args[1..]), // ms per image and images/s of reading phones in images (tesseract)
    "hostile" => await AdWatch.Benchmarks.Hostile.HostileCorpusBenchmark.RunAsync(args[1..]), // time and memory of every input path over the hostile corpus
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/AdWatch.Benchmarks -- <benchmark>   " +
                            "(benchmarks: analysis, dashboard, crawl-http [pages], crawl-browser [pages], revisit-http [ads] [days], revisit-browser [ads] [days], extraction, startup --adwatch PATH, extract-process --adwatch PATH [--ads N], parse, ocr, hostile [--runs N])");
    return 2;
}
