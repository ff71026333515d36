using System.Text;

namespace AdWatch.Evidence;

/// <summary>
/// Reads UTF-8 lines from a stream keeping at most <c>maxBytes</c> of one line in memory: a longer line is read to its end
/// and returned as <c>null</c> text with its length, so one 100 MB line cannot blow up an import.
/// </summary>
internal sealed class BoundedLineReader(Stream stream, long maxBytes)
{
    private readonly BufferedStream _stream = new(stream, 65536);

    /// <summary>The next line (without CR/LF), or <c>Text = null</c> when longer than the bound; null at end of stream.</summary>
    public (string? Text, long Bytes)? Next()
    {
        using var line = new MemoryStream();
        long length = 0;
        int b;
        while ((b = _stream.ReadByte()) >= 0 && b != '\n')
        {
            length++;
            if (length <= maxBytes)
            {
                line.WriteByte((byte)b);
            }
        }
        if (b < 0 && length == 0)
        {
            return null;
        }
        if (length > maxBytes)
        {
            return (null, length);
        }
        var text = Encoding.UTF8.GetString(line.GetBuffer(), 0, (int)line.Length);
        return (text.EndsWith('\r') ? text[..^1] : text, length);
    }
}
