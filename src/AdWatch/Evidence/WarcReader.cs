using System.IO.Compression;
using System.Text;

namespace AdWatch.Evidence;

/// <summary>
/// Reads WARC 1.0/1.1 records from <c>.warc</c> or <c>.warc.gz</c> (one gzip member per record or one for the file),
/// streaming: one record block in memory at a time, and never one larger than the caller's budget. A broken record is
/// reported with its number and byte offset and reading resumes at the next <c>WARC/1.x</c> line; a truncated end or
/// corrupt gzip data stops reading cleanly. Offsets count bytes of the uncompressed stream.
/// </summary>
public static class WarcReader
{
    internal const int MaxHeaderBytes = 64 * 1024;

    /// <summary>The records of a file, throwing <see cref="FormatException"/> at the first problem (for tools and tests).</summary>
    public static IEnumerable<WarcRecord> Read(string path, long maxBlockBytes = 100_000_000)
    {
        foreach (var entry in Scan(path, _ => maxBlockBytes))
        {
            yield return entry.Record ?? throw new FormatException(entry.Problem);
        }
    }

    /// <summary>
    /// Every record and every problem of a file, in order. <paramref name="maxBlockBytes"/> gives the budget for a record
    /// from its WARC headers; a larger block is skipped without being read into memory.
    /// </summary>
    public static IEnumerable<WarcEntry> Scan(string path, Func<IReadOnlyDictionary<string, string>, long> maxBlockBytes)
    {
        using var scanner = new Scanner(path, maxBlockBytes);
        while (scanner.Next() is { } entry)
        {
            yield return entry;
        }
    }

    private sealed class Scanner : IDisposable
    {
        private readonly Stream _file;
        private readonly Stream _stream;
        private readonly Func<IReadOnlyDictionary<string, string>, long> _budget;
        private readonly bool _gzip;
        private long _offset;
        private int _number;
        private bool _stopped;
        private (string Line, long Start)? _pending;

        public Scanner(string path, Func<IReadOnlyDictionary<string, string>, long> budget)
        {
            _file = File.OpenRead(path);
            _gzip = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
            _stream = new BufferedStream(_gzip ? new GZipStream(_file, CompressionMode.Decompress) : _file, 65536);
            _budget = budget;
        }

        public WarcEntry? Next()
        {
            if (_stopped)
            {
                return null;
            }
            try
            {
                return NextRecord();
            }
            catch (InvalidDataException ex)
            {
                _stopped = true;
                var what = _offset == 0 ? "not gzip data" : "corrupt gzip data";
                return new WarcEntry(_number, _offset, null, $"{what} at byte {_offset} (uncompressed) ({ex.Message.TrimEnd('.')}); the rest of the file was not read.");
            }
        }

        private WarcEntry? NextRecord()
        {
            string? version;
            long start;
            if (_pending is { } p)
            {
                (version, start) = p;
                _pending = null;
            }
            else
            {
                do
                {
                    start = _offset;
                    version = ReadLine(out _);
                }
                while (version is "");
            }
            if (version is null)
            {
                return null;
            }
            _number++;
            if (!IsVersionLine(version))
            {
                return Resync(start, $"expected 'WARC/1.x', found '{Show(version)}'");
            }
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var headerBytes = 0;
            while (true)
            {
                var line = ReadLine(out var tooLong);
                if (line is null)
                {
                    return Stop(start, "the file ends inside the record's header (truncated)");
                }
                if (line.Length == 0)
                {
                    break;
                }
                headerBytes += line.Length;
                if (tooLong || headerBytes > MaxHeaderBytes)
                {
                    return Resync(start, $"header larger than {MaxHeaderBytes} bytes");
                }
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
                }
            }
            if (!headers.TryGetValue("Content-Length", out var lengthText) || !long.TryParse(lengthText, out var length) || length < 0)
            {
                return Resync(start, $"missing or invalid Content-Length '{Show(lengthText ?? "")}'");
            }
            var budget = _budget(headers);
            if (length > budget)
            {
                var skipped = Skip(length);
                return skipped < length
                    ? Stop(start, $"block of {length} bytes is larger than the limit of {budget} bytes, and the file ends after {skipped} of them (truncated)")
                    : new WarcEntry(_number, start, null, $"record {_number} at byte {start}: block of {length} bytes is larger than the limit of {budget} bytes (Limits.MaxBodyBytes of the site); skipped unread.");
            }
            var block = new byte[length];
            var read = _stream.ReadAtLeast(block, block.Length, throwOnEndOfStream: false);
            _offset += read;
            if (read < length)
            {
                return Stop(start, $"Content-Length is {length} but the file ends after {read} bytes (truncated)");
            }
            return new WarcEntry(_number, start, new WarcRecord(headers, block), null);
        }

        /// <summary>A problem with the record at <paramref name="start"/>; reading goes on at the next version line.</summary>
        private WarcEntry Resync(long start, string problem)
        {
            var number = _number;
            while (true)
            {
                var lineStart = _offset;
                var line = ReadLine(out _);
                if (line is null)
                {
                    return new WarcEntry(number, start, null, $"record {number} at byte {start}: {problem}; no further record in the file.");
                }
                if (IsVersionLine(line))
                {
                    _pending = (line, lineStart);
                    return new WarcEntry(number, start, null, $"record {number} at byte {start}: {problem}; skipped to the next record at byte {lineStart}.");
                }
            }
        }

        private WarcEntry Stop(long start, string problem)
        {
            _stopped = true;
            return new WarcEntry(_number, start, null, $"record {_number} at byte {start}: {problem}; the rest of the file was not read.");
        }

        private long Skip(long length)
        {
            var scratch = new byte[65536];
            long done = 0;
            while (done < length)
            {
                var n = _stream.Read(scratch, 0, (int)Math.Min(scratch.Length, length - done));
                if (n == 0)
                {
                    break;
                }
                done += n;
            }
            _offset += done;
            return done;
        }

        /// <summary>
        /// One CRLF- or LF-terminated line; null at end of stream. A line longer than <see cref="MaxHeaderBytes"/> is read
        /// to its end but only its start is kept (<paramref name="tooLong"/>), so no line can exhaust memory.
        /// </summary>
        private string? ReadLine(out bool tooLong)
        {
            tooLong = false;
            var bytes = new List<byte>();
            int b;
            while ((b = _stream.ReadByte()) >= 0)
            {
                _offset++;
                if (b == '\n')
                {
                    break;
                }
                if (bytes.Count >= MaxHeaderBytes)
                {
                    tooLong = true;
                    continue;
                }
                bytes.Add((byte)b);
            }
            if (b < 0 && bytes.Count == 0 && !tooLong)
            {
                return null;
            }
            return Encoding.UTF8.GetString([.. bytes]).TrimEnd('\r');
        }

        private static bool IsVersionLine(string line) => line.StartsWith("WARC/1.", StringComparison.Ordinal) && line.Length <= 16;

        public void Dispose()
        {
            _stream.Dispose();
            _file.Dispose();
        }
    }

    /// <summary>A short, printable excerpt of what was found instead of a header.</summary>
    private static string Show(string s)
    {
        var cut = s.Length > 40 ? s[..40] + "…" : s;
        return new string([.. cut.Select(c => char.IsControl(c) ? '?' : c)]);
    }
}
