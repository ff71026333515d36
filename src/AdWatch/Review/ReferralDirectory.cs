namespace AdWatch.Review;

/// <summary>
/// The referral information every dossier page and dossier PDF carries, read once from <c>Referrals:File</c>. The app resolves it
/// at start (<c>serve</c>, <c>demo</c>), so a broken file stops AdWatch with one line naming file, line and field instead of
/// leaving dossiers without it; an edited file counts after a restart.
/// </summary>
public sealed class ReferralDirectory
{
    private readonly Referrals _referrals;

    public ReferralDirectory(Referrals referrals) => _referrals = referrals;

    /// <summary>The shipped file (<see cref="ReferralsOptions.DefaultFile"/>), for code that is not wired through the container.</summary>
    public static ReferralDirectory Default() => Load(ReferralsOptions.DefaultFile);

    /// <summary>Reads the file (relative paths resolve as <see cref="AppPaths.Resolve"/> says).</summary>
    /// <exception cref="ReferralsConfigException">The file is missing or invalid.</exception>
    public static ReferralDirectory Load(string file) => new(ReferralsLoader.Load(AppPaths.Resolve(file)));

    /// <summary>The file it was read from.</summary>
    public string FileName => _referrals.FileName;

    /// <summary>The contacts for a location in <paramref name="municipalityCode"/> (null: the region's defaults).</summary>
    public ReferralSet For(string? municipalityCode) => _referrals.For(municipalityCode);
}
