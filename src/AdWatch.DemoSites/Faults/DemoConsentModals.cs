namespace AdWatch.DemoSites.Faults;

/// <summary>Whether Lantaarn shows its two consent modals (age gate, then cookies) to a browser session that has not dismissed them.</summary>
public enum DemoConsentModals
{
    /// <summary>Default: each modal on some sessions and not on others, decided from the session id and the host's seed.</summary>
    BySession,

    /// <summary>Both modals on every session that has not dismissed them.</summary>
    Always,

    /// <summary>Never shown.</summary>
    Never,
}
