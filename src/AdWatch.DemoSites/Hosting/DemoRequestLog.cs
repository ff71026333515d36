namespace AdWatch.DemoSites.Hosting;

/// <summary>Thread-safe log of the requests one demo site received, for assertions such as "never asked /prive/".</summary>
public sealed class DemoRequestLog
{
    private readonly Lock _gate = new();
    private readonly List<DemoRequest> _requests = [];

    /// <summary>A copy of every logged request, in arrival order.</summary>
    public IReadOnlyList<DemoRequest> Snapshot()
    {
        lock (_gate) return _requests.ToArray();
    }

    /// <summary>Requests whose path plus query equals <paramref name="pathAndQuery"/> exactly.</summary>
    public int Count(string pathAndQuery)
    {
        lock (_gate) return _requests.Count(r => r.PathAndQuery == pathAndQuery);
    }

    /// <summary>Requests of <paramref name="kind"/>.</summary>
    public int Count(DemoRequestKind kind)
    {
        lock (_gate) return _requests.Count(r => r.Kind == kind);
    }

    /// <summary>Requests whose path starts with <paramref name="prefix"/>.</summary>
    public int CountPathPrefix(string prefix)
    {
        lock (_gate) return _requests.Count(r => r.Path.StartsWith(prefix, StringComparison.Ordinal));
    }

    /// <summary>Forgets every logged request.</summary>
    public void Clear()
    {
        lock (_gate) _requests.Clear();
    }

    internal void Add(DemoRequest request)
    {
        lock (_gate) _requests.Add(request);
    }
}
