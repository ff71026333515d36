// Benchmarks are added per issue; each writes its figures to stdout for the issue note.
Console.Error.WriteLine("usage: dotnet run -c Release --project tests/AdWatch.Benchmarks -- <benchmark>");
return 2;
