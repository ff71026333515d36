namespace AdWatch.Analysis;

/// <summary>Disjoint sets over 0..n-1 with path halving and union by size; the smaller index wins ties so roots are deterministic.</summary>
internal sealed class UnionFind
{
    private readonly int[] _parent;
    private readonly int[] _size;

    public UnionFind(int count)
    {
        _parent = new int[count];
        _size = new int[count];
        for (var i = 0; i < count; i++)
        {
            _parent[i] = i;
            _size[i] = 1;
        }
    }

    public int Find(int x)
    {
        while (_parent[x] != x)
        {
            _parent[x] = _parent[_parent[x]];
            x = _parent[x];
        }
        return x;
    }

    /// <summary>Joins the sets of a and b; returns the new root, or -1 when they were already one set.</summary>
    public int Union(int a, int b)
    {
        var ra = Find(a);
        var rb = Find(b);
        if (ra == rb)
        {
            return -1;
        }
        if (_size[ra] < _size[rb] || (_size[ra] == _size[rb] && rb < ra))
        {
            (ra, rb) = (rb, ra);
        }
        _parent[rb] = ra;
        _size[ra] += _size[rb];
        return ra;
    }
}
