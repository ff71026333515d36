using YamlDotNet.RepresentationModel;

namespace AdWatch.Sites;

/// <summary>Maps dotted field paths (<c>politeness.delayMs</c>) to the line they are written on, for error messages.</summary>
internal sealed class YamlLineIndex
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.OrdinalIgnoreCase);

    public YamlLineIndex(string yaml)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count > 0)
            {
                Walk(stream.Documents[0].RootNode, "");
            }
        }
        catch (YamlDotNet.Core.YamlException)
        {
            // The typed deserializer reports syntax errors with their own position.
        }
    }

    /// <summary>Line of the field, else of its nearest written parent, else 1.</summary>
    public int LineOf(string path)
    {
        var p = path;
        while (p.Length > 0)
        {
            if (_lines.TryGetValue(p, out var line))
            {
                return line;
            }
            var cut = Math.Max(p.LastIndexOf('.'), p.LastIndexOf('['));
            p = cut > 0 ? p[..cut] : "";
        }
        return 1;
    }

    private void Walk(YamlNode node, string path)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    var child = path.Length == 0 ? key.ToString() : $"{path}.{key}";
                    _lines[child] = (int)key.Start.Line;
                    Walk(value, child);
                }
                break;
            case YamlSequenceNode seq:
                for (var i = 0; i < seq.Children.Count; i++)
                {
                    var child = $"{path}[{i}]";
                    _lines[child] = (int)seq.Children[i].Start.Line;
                    Walk(seq.Children[i], child);
                }
                break;
        }
    }
}
