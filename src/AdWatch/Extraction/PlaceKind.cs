namespace AdWatch.Extraction;

/// <summary>What a gazetteer name stands for. The order is the default preference when a name is ambiguous.</summary>
public enum PlaceKind
{
    Neighbourhood = 0,
    Hamlet = 1,
    Village = 2,
    Town = 3,
    Municipality = 4,
    Region = 5,
}
