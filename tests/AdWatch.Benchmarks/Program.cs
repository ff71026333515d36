// Benchmarks are added per issue; each writes its figures to stdout for the issue note.
switch (args.FirstOrDefault())
{
    case "crawl-http" or "crawl-browser":
        return await AdWatch.Benchmarks.Crawling.CrawlBenchmark.RunAsync(args[0], args[1..]);
}
Console.Error.WriteLine("usage: dotnet run -c Release --project tests/AdWatch.Benchmarks -- <benchmark>   (crawl-http [pages] | crawl-browser [pages])");
return 2;
