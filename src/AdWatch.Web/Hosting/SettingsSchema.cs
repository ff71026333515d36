using System.Collections;
using System.ComponentModel;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace AdWatch.Web.Hosting;

/// <summary>
/// Every key AdWatch reads, from the options classes bound to configuration (<see cref="BoundSection"/>, by reflection over
/// their properties, as the configuration binder sees them) plus the framework sections whose content is not ours. Finds the
/// keys of a configuration that nothing reads, with the nearest known name ("did you mean").
/// </summary>
internal sealed class SettingsSchema
{
    /// <summary>Sections that ASP.NET Core and the host read themselves; their keys are free-form here.</summary>
    public static readonly string[] FrameworkSections = ["Logging", "Kestrel", "AllowedHosts", "Urls", "HTTP_PORTS", "HTTPS_PORTS"];

    private readonly Node _root = new();

    public SettingsSchema(IEnumerable<BoundSection> bound)
    {
        foreach (var group in bound.GroupBy(b => b.Section, StringComparer.OrdinalIgnoreCase))
        {
            var node = _root.Child(group.Key);
            foreach (var b in group)
            {
                node.AddMembersOf(b.OptionsType, depth: 0);
            }
        }
        foreach (var section in FrameworkSections)
        {
            _root.Child(section).FreeForm = true;
        }
    }

    /// <summary>True when the first segment of <paramref name="path"/> is a section AdWatch or the framework reads.</summary>
    public bool IsKnownSection(string path) => _root.Children.ContainsKey(path.Split(':')[0]);

    /// <summary>Each unknown key of <paramref name="config"/>, outermost first, with a close known name or null.</summary>
    public IEnumerable<(string Path, string? Suggestion)> Unknown(IConfiguration config, Func<string, bool>? sectionFilter = null)
    {
        foreach (var child in config.GetChildren())
        {
            if (sectionFilter is not null && !sectionFilter(child.Key))
            {
                continue;
            }
            foreach (var problem in Unknown(_root, child, ""))
            {
                yield return problem;
            }
        }
    }

    private static IEnumerable<(string, string?)> Unknown(Node parent, IConfigurationSection section, string prefix)
    {
        var path = prefix.Length == 0 ? section.Key : $"{prefix}:{section.Key}";
        var node = parent.Any ?? parent.Children.GetValueOrDefault(section.Key);
        if (node is null)
        {
            yield return (path, Nearest(section.Key, parent.Children.Keys) is { } near ? (prefix.Length == 0 ? near : $"{prefix}:{near}") : null);
            yield break;
        }
        if (node.FreeForm)
        {
            yield break;
        }
        foreach (var child in section.GetChildren())
        {
            foreach (var problem in Unknown(node, child, path))
            {
                yield return problem;
            }
        }
    }

    /// <summary>The known name closest to <paramref name="key"/> when it is a plausible typo (edit distance ≤ 1/3 of its length, at least 1).</summary>
    public static string? Nearest(string key, IEnumerable<string> known)
    {
        var best = known.Select(k => (Name: k, Distance: Distance(key.ToUpperInvariant(), k.ToUpperInvariant())))
            .OrderBy(k => k.Distance).ThenBy(k => k.Name, StringComparer.Ordinal).FirstOrDefault();
        return best.Name is not null && best.Distance <= Math.Max(1, key.Length / 3) ? best.Name : null;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost 1.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }

    /// <summary>One level of the key tree: named children, or <see cref="Any"/> key (a dictionary or list), or free-form.</summary>
    private sealed class Node
    {
        public Dictionary<string, Node> Children { get; } = new(StringComparer.OrdinalIgnoreCase);
        public Node? Any { get; private set; }
        public bool FreeForm { get; set; }

        public Node Child(string name) => Children.TryGetValue(name, out var node) ? node : Children[name] = new Node();

        /// <summary>What the binder accepts under a value of <paramref name="type"/>.</summary>
        public void AddShapeOf(Type type, int depth)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (depth > 8 || type == typeof(object) || typeof(IConfiguration).IsAssignableFrom(type))
            {
                FreeForm = true;
                return;
            }
            if (IsScalar(type))
            {
                return; // a value: no keys below it
            }
            if (ElementType(type) is { } element)
            {
                Any ??= new Node();
                Any.AddShapeOf(element, depth + 1);
                return;
            }
            AddMembersOf(type, depth);
        }

        public void AddMembersOf(Type type, int depth)
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetIndexParameters().Length > 0 || property.GetMethod is not { IsPublic: true })
                {
                    continue;
                }
                var name = property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? property.Name;
                Child(name).AddShapeOf(property.PropertyType, depth + 1);
            }
            // Records and classes bound through their constructor.
            foreach (var parameter in type.GetConstructors().SelectMany(c => c.GetParameters()))
            {
                if (parameter.Name is { } name && !Children.ContainsKey(name))
                {
                    Child(name).AddShapeOf(parameter.ParameterType, depth + 1);
                }
            }
        }

        private static bool IsScalar(Type type) =>
            type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal)
            || TypeDescriptor.GetConverter(type).CanConvertFrom(typeof(string));

        /// <summary>The value type of a dictionary, or the element type of an array or collection.</summary>
        private static Type? ElementType(Type type)
        {
            if (type.IsArray)
            {
                return type.GetElementType();
            }
            if (!typeof(IEnumerable).IsAssignableFrom(type))
            {
                return null;
            }
            var interfaces = type.IsInterface ? [type, .. type.GetInterfaces()] : type.GetInterfaces();
            var dictionary = interfaces.FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() is var d
                && (d == typeof(IDictionary<,>) || d == typeof(IReadOnlyDictionary<,>)));
            if (dictionary is not null)
            {
                return dictionary.GetGenericArguments()[1];
            }
            return interfaces.FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0]
                   ?? typeof(object);
        }
    }
}
