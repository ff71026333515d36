using AdWatch.Review;

namespace AdWatch.Web.Dossier;

/// <summary>
/// The stays timeline as SVG geometry: one row per advertiser, one bar per stay, days on the x-axis from the first stay
/// to the last, with a tick at each month start. Attributes only (no inline style), so the page's CSP holds.
/// </summary>
public sealed class StayTimeline
{
    public const double Width = 900;
    public const double LabelWidth = 150;
    public const double RowHeight = 26;
    public const double Top = 24;

    public StayTimeline(IReadOnlyList<DossierStay> stays)
    {
        if (stays.Count == 0)
        {
            return;
        }
        var first = stays.Min(s => s.Start).UtcDateTime.Date;
        var last = stays.Max(s => s.End).UtcDateTime.Date;
        Days = (int)(last - first).TotalDays + 1;
        First = first;
        var dayWidth = (Width - LabelWidth - 10) / Days;
        var rows = stays.Select(s => s.AdvertiserId).Distinct().ToList();
        Rows = [.. rows.Select((id, i) => new Row(stays.First(s => s.AdvertiserId == id).AdvertiserLabel, Top + i * RowHeight + RowHeight * 0.65))];
        Bars = [.. stays.Select(s =>
        {
            var row = rows.IndexOf(s.AdvertiserId);
            var x = LabelWidth + (s.Start.UtcDateTime.Date - first).TotalDays * dayWidth;
            return new Bar(Math.Round(x, 1), Top + row * RowHeight + 4, Math.Max(3, Math.Round(s.Days * dayWidth, 1)), RowHeight - 8, s);
        })];
        for (var d = new DateTime(first.Year, first.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(first.Day == 1 ? 0 : 1); d <= last; d = d.AddMonths(1))
        {
            Ticks.Add(new Tick(Math.Round(LabelWidth + (d - first).TotalDays * dayWidth, 1), d));
        }
        if (Ticks.Count == 0 || Ticks[0].X > LabelWidth + 1)
        {
            Ticks.Insert(0, new Tick(LabelWidth, first));
        }
        Height = Top + rows.Count * RowHeight + 8;
    }

    public int Days { get; }
    public DateTime First { get; }
    public double Height { get; } = Top;
    public IReadOnlyList<Row> Rows { get; } = [];
    public IReadOnlyList<Bar> Bars { get; } = [];
    public List<Tick> Ticks { get; } = [];

    public sealed record Row(string Label, double TextY);

    public sealed record Bar(double X, double Y, double W, double H, DossierStay Stay);

    public sealed record Tick(double X, DateTime Day);
}
