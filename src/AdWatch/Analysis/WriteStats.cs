namespace AdWatch.Analysis;

/// <summary>Rows an analysis run inserted, updated and deleted: proof that an unchanged input writes nothing.</summary>
public sealed record WriteStats(int Inserted, int Updated, int Deleted)
{
    public int Total => Inserted + Updated + Deleted;
}
