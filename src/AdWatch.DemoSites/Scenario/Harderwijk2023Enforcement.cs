namespace AdWatch.DemoSites.Scenario;

/// <summary>
/// The controls and measures of the synthetic 2023 at the four <see cref="Harderwijk2023Scenario.Houses"/>, chosen so the year
/// report reproduces Harderwijk's published figures (shared/context/harderwijk-2023.txt): 7 controls, 15 persons all working
/// illegally, 4 locations all houses, a dwangsom of €5,000 twice (one forfeited), bestuursdwang three times (one executed: the
/// house closed for 3 months).
/// </summary>
/// <remarks>
/// Every control falls on a day of a stay at its house. The houses never have two women at once, so a control's persons are
/// the women the PCT identifies from the house's ads: those whose stays there began after the house's previous control, up to
/// and including the one present. Per house that sums to its advertisers (4, 4, 4, 3), in all 15, the two women seen only on
/// Lantaarn (<see cref="Harderwijk2023Scenario.LantaarnOnlyStays"/>) among them: the second control at the second house and the
/// second at the fourth fall on their days. After a control a dwangsom or bestuursdwang follows; the next control at the house finds a violation
/// after its term, so the dwangsom is forfeited, or the house is closed.
/// </remarks>
public static class Harderwijk2023Enforcement
{
    /// <summary>The demo coordinator account (see the demo's accounts) recorded as having entered all of it.</summary>
    public const string RecordedBy = "coordinator";

    /// <summary>€5,000 in cents, the published dwangsom.</summary>
    public const long DwangsomCents = 500_000;

    /// <summary>A control: the house (index into Houses), the day, persons checked (all working illegally), who took part.</summary>
    public sealed record Control(int House, DateOnly On, int Persons, IReadOnlyList<string> ByWhom, string Note);

    /// <summary>
    /// A measure: the house, its legal type (<c>dwangsom</c>, <c>bestuursdwang</c>), amount, the end of its term, a closure's first
    /// and last day, and its states in order with the day each took effect.
    /// </summary>
    public sealed record Measure(int House, string Type, long? AmountCents, DateOnly? TermEndsOn, DateOnly? ClosedFrom, DateOnly? ClosedTo,
        IReadOnlyList<(string State, DateOnly On)> States);

    private static readonly string[] Team = ["pct", "boa", "wijkagent"];

    public static readonly IReadOnlyList<Control> Controls =
    [
        new(0, new DateOnly(2023, 2, 21), 2, Team, "Na meldingen van buurtbewoners; twee vrouwen uit de advertenties geïdentificeerd."),
        new(0, new DateOnly(2023, 3, 28), 2, Team, "Hercontrole na de begunstigingstermijn: opnieuw illegale prostitutie."),
        new(1, new DateOnly(2023, 5, 3), 2, Team, "Na een melding via Meld Misdaad Anoniem."),
        new(1, new DateOnly(2023, 5, 31), 2, Team, "Hercontrole: opnieuw illegale prostitutie."),
        new(2, new DateOnly(2023, 9, 5), 4, Team, "Naar aanleiding van online advertenties; vier vrouwen sinds juli."),
        new(3, new DateOnly(2023, 10, 3), 1, Team, "Na overlastmeldingen."),
        new(3, new DateOnly(2023, 11, 14), 2, Team, "Hercontrole tijdens de last onder bestuursdwang: overtreding."),
    ];

    public static readonly IReadOnlyList<Measure> Measures =
    [
        new(0, "dwangsom", DwangsomCents, new DateOnly(2023, 3, 15), null, null,
            [("imposed", new DateOnly(2023, 3, 1)), ("forfeited", new DateOnly(2023, 4, 5))]),
        new(0, "bestuursdwang", null, new DateOnly(2023, 4, 26), null, null, [("imposed", new DateOnly(2023, 4, 12))]),
        new(1, "dwangsom", DwangsomCents, new DateOnly(2023, 7, 5), null, null,
            [("intended", new DateOnly(2023, 5, 12)), ("imposed", new DateOnly(2023, 6, 21))]),
        new(2, "bestuursdwang", null, new DateOnly(2023, 9, 29), null, null, [("imposed", new DateOnly(2023, 9, 15))]),
        new(3, "bestuursdwang", null, new DateOnly(2023, 10, 27), new DateOnly(2023, 11, 20), new DateOnly(2024, 2, 19),
            [("intended", new DateOnly(2023, 10, 6)), ("imposed", new DateOnly(2023, 10, 13)), ("executed", new DateOnly(2023, 11, 20))]),
    ];
}
