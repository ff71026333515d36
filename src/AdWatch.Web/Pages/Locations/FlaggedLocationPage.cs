namespace AdWatch.Web.Pages.Locations;

/// <summary>One page of the flagged-location list and the number of rows matching the filter.</summary>
public sealed record FlaggedLocationPage(IReadOnlyList<FlaggedLocation> Rows, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
