using AdWatch.Html;
using CsvHelper.Configuration.Attributes;

namespace AdWatch.Exports.Files;

/// <summary>
/// One lead as a CSV row. The columns, their order and names are a contract (README "Exporting leads"): add new ones
/// at the end only. Lists are joined with <c>|</c>; times ISO-8601 UTC; numbers invariant culture. A spreadsheet shows its
/// cells to a person: text from an ad (label, street, place, URLs) has its bidi controls as markers (<see cref="VisibleText"/>).
/// </summary>
public sealed record LeadCsvRow
{
    [Name("lead_id"), Index(0)] public string LeadId { get; init; } = "";
    [Name("flag_id"), Index(1)] public long FlagId { get; init; }
    [Name("status"), Index(2)] public string Status { get; init; } = "";
    [Name("score"), Index(3)] public double Score { get; init; }
    [Name("label"), Index(4)] public string Label { get; init; } = "";
    [Name("precision"), Index(5)] public string Precision { get; init; } = "";
    [Name("street"), Index(6)] public string? Street { get; init; }
    [Name("house_number"), Index(7)] public string? HouseNumber { get; init; }
    [Name("postcode"), Index(8)] public string? Postcode { get; init; }
    [Name("place"), Index(9)] public string? Place { get; init; }
    [Name("municipality_code"), Index(10)] public string? MunicipalityCode { get; init; }
    [Name("lat"), Index(11)] public double? Lat { get; init; }
    [Name("lon"), Index(12)] public double? Lon { get; init; }
    [Name("first_flagged_at"), Index(13)] public string FirstFlaggedAt { get; init; } = "";
    [Name("computed_at"), Index(14)] public string ComputedAt { get; init; } = "";
    [Name("reasons"), Index(15)] public string Reasons { get; init; } = "";
    [Name("phones"), Index(16)] public string Phones { get; init; } = "";
    [Name("stays"), Index(17)] public int Stays { get; init; }
    [Name("advertisers"), Index(18)] public int Advertisers { get; init; }
    [Name("ads"), Index(19)] public int Ads { get; init; }
    [Name("ad_urls"), Index(20)] public string AdUrls { get; init; } = "";
    [Name("first_stay_at"), Index(21)] public string? FirstStayAt { get; init; }
    [Name("last_stay_at"), Index(22)] public string? LastStayAt { get; init; }
    [Name("bag_nummeraanduiding_id"), Index(23)] public string? NummeraanduidingId { get; init; }
    [Name("bag_adresseerbaarobject_id"), Index(24)] public string? AdresseerbaarObjectId { get; init; }
    [Name("bag_gebruiksdoel"), Index(25)] public string? Gebruiksdoel { get; init; }

    public static LeadCsvRow From(Lead lead) => new()
    {
        LeadId = lead.LeadId, FlagId = lead.FlagId, Status = lead.Status, Score = lead.Score, Label = VisibleText.Show(lead.Label)!, Precision = lead.Precision,
        Street = VisibleText.Show(lead.Street), HouseNumber = lead.HouseNumber, Postcode = lead.Postcode, Place = VisibleText.Show(lead.Place), MunicipalityCode = lead.MunicipalityCode,
        Lat = lead.Lat, Lon = lead.Lon,
        FirstFlaggedAt = Analysis.AnalysisReport.Time(lead.FirstFlaggedAt), ComputedAt = Analysis.AnalysisReport.Time(lead.ComputedAt),
        Reasons = string.Join('|', lead.Reasons.Select(r => r.Code)), Phones = string.Join('|', lead.Phones),
        Stays = lead.Stays.Count, Advertisers = lead.Stays.Select(s => s.Advertiser).Distinct().Count(), Ads = lead.Ads.Count,
        AdUrls = string.Join('|', lead.Ads.Select(a => VisibleText.Show(a.Url))),
        FirstStayAt = lead.Stays.Count == 0 ? null : Analysis.AnalysisReport.Time(lead.Stays.Min(s => s.StartAt)),
        LastStayAt = lead.Stays.Count == 0 ? null : Analysis.AnalysisReport.Time(lead.Stays.Max(s => s.EndAt)),
        NummeraanduidingId = lead.NummeraanduidingId, AdresseerbaarObjectId = lead.AdresseerbaarObjectId, Gebruiksdoel = lead.Gebruiksdoel,
    };
}
