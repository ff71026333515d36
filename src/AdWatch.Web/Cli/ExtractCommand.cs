using System.CommandLine;
using AdWatch.Extraction;
using AdWatch.Geocoding;
using AdWatch.Web.Hosting;

namespace AdWatch.Web.Cli;

/// <summary>
/// <c>adwatch extract [--jsonl] [FILE|-]</c>: one ad in, one JSON object out; or a JSONL stream. <c>adwatch extract --image FILE…</c>:
/// the image step (OCR of phones) on local image files, one JSON line per file.
/// </summary>
internal static class ExtractCommand
{
    public static Command Create(GlobalOptions global)
    {
        var jsonl = new Option<bool>("--jsonl") { Description = "Input lines {\"id\",\"text\"|\"html\"}, one JSON line out per input line" };
        var image = new Option<bool>("--image") { Description = "FILE… are images: read the phones written in them (tesseract), one JSON line {\"file\",\"phones\"} per file" };
        var file = new Argument<string[]>("FILE") { Description = "Input file, or - for standard input (default); with --image one or more image files", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("extract", "Extract phones, addresses and indicators from ad text or HTML, or phones from images") { jsonl, image, file };
        CliAction.Set(command, async (r, ct) =>
        {
            var files = r.GetValue(file) ?? [];
            if (r.GetValue(image))
            {
                if (files.Length == 0 || r.GetValue(jsonl))
                {
                    throw new UserError("extract --image needs one or more image files (and no --jsonl)", ExitCodes.Usage);
                }
                using var imageHost = AppHost.BuildCommandHost(global.Read(r));
                return await imageHost.Services.GetRequiredService<ImageExtractRunner>().RunAsync(files, Console.Out, Console.Error, ct);
            }
            if (files.Length > 1)
            {
                throw new UserError("extract reads one ad (FILE or -); use --jsonl for many, or --image for image files", ExitCodes.Usage);
            }
            var path = files.Length == 0 ? "-" : files[0];
            if (path != "-" && !File.Exists(path))
            {
                throw new UserError($"file not found: {Path.GetFullPath(path)}", ExitCodes.Usage);
            }
            using var host = AppHost.BuildCommandHost(global.Read(r));
            // A file is never "not there yet": read it synchronously (no thread-pool hop per 64 KB, no early flush).
            using var input = path == "-" ? StandardStreams.Input()
                : TextReader.Synchronized(new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16));
            await using var output = StandardStreams.BufferedOutput(); // the runner flushes it after whole lines
            var runner = host.Services.GetRequiredService<ExtractRunner>();
            return await runner.RunAsync(input, output, Console.Error, r.GetValue(jsonl), ct);
        });
        return command;
    }
}
