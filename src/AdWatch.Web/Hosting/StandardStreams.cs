using System.Text;

namespace AdWatch.Web.Hosting;

/// <summary>
/// Standard input and output for verbs that stream many lines (<c>extract --jsonl</c>). <see cref="Console.Out"/> flushes on every
/// write (~2.4 <c>write()</c> calls per ad); this writer writes only when the verb flushes it, which it does after whole lines.
/// <see cref="Console.In"/> reads synchronously even through <c>ReadLineAsync</c>, so a verb could not tell that the next line is
/// not there yet (and flush the answers so far first); this reader can.
/// </summary>
internal static class StandardStreams
{
    /// <summary>Larger than any flush interval a verb uses, so the writer never writes on its own in the middle of a line.</summary>
    private const int OutputBufferChars = 1 << 20;

    private const int InputBufferBytes = 1 << 16;

    /// <summary>Standard output in the console's encoding (without a byte-order mark), written only on <c>Flush</c>.</summary>
    public static StreamWriter BufferedOutput() =>
        new(Console.OpenStandardOutput(), WithoutPreamble(Console.OutputEncoding), OutputBufferChars) { AutoFlush = false };

    /// <summary>Standard input in the console's encoding, read asynchronously.</summary>
    public static StreamReader Input() =>
        new(Console.OpenStandardInput(), WithoutPreamble(Console.InputEncoding), detectEncodingFromByteOrderMarks: false, InputBufferBytes);

    private static Encoding WithoutPreamble(Encoding encoding) =>
        encoding.CodePage == Encoding.UTF8.CodePage ? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false) : encoding;
}
