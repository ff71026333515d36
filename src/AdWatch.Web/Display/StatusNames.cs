using AdWatch.Web.Localization;

namespace AdWatch.Web.Display;

/// <summary>Review statuses, phone statuses and link kinds in the UI language (one table, shared by every page).</summary>
public static class StatusNames
{
    private static readonly Dictionary<string, (string Dutch, string English)> Names = new()
    {
        ["new"] = ("nieuw", "new"),
        ["in_review"] = ("in behandeling", "in review"),
        ["inspection_proposed"] = ("controle voorgesteld", "inspection proposed"),
        ["inspected"] = ("gecontroleerd", "inspected"),
        ["closed"] = ("afgesloten", "closed"),
        ["dismissed"] = ("afgewezen", "dismissed"),
        ["licensed"] = ("vergund", "licensed"),
        ["ok"] = ("in orde", "ok"),
        ["generic"] = ("algemeen nummer", "generic number"),
        ["bad"] = ("foute herkenning", "bad extraction"),
        ["address"] = ("adres", "address"),
        ["phone"] = ("telefoon", "phone"),
        ["image"] = ("foto", "photo"),
        ["template"] = ("sjabloon", "template"),
        ["advertiser"] = ("adverteerder", "advertiser"),
        ["operator"] = ("tussenpersoon", "operator"),
        ["postcode"] = ("postcode", "postcode"),
        ["street"] = ("straat", "street"),
        ["active"] = ("actief", "active"),
        ["missing"] = ("niet gezien", "missing"),
        ["gone"] = ("verdwenen", "gone"),
        ["completed"] = ("voltooid", "completed"),
        ["suspect"] = ("verdacht", "suspect"),
        ["failed"] = ("mislukt", "failed"),
        ["running"] = ("bezig", "running"),
    };

    /// <summary>The name of <paramref name="code"/> in the UI language; unknown codes are returned as they are.</summary>
    public static string Of(string? code) =>
        code is not null && Names.TryGetValue(code, out var n) ? (DashboardCultures.IsEnglish ? n.English : n.Dutch) : code ?? "";
}
