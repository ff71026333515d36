namespace AdWatch.Enforcement;

/// <summary>
/// The allowed changes of a measure's state, in one table so the store, the dossier form and the tests read the same rule:
/// intended → imposed or lifted (dropped); imposed → forfeited (dwangsom only), executed (bestuursdwang or sluiting only),
/// lifted or in objection; in objection → imposed (upheld) or lifted; a forfeited dwangsom may still be lifted (e.g. on
/// appeal). Executed and lifted are final.
/// </summary>
public static class MeasureTransitions
{
    private static readonly Dictionary<MeasureState, MeasureState[]> Next = new()
    {
        [MeasureState.Intended] = [MeasureState.Imposed, MeasureState.Lifted],
        [MeasureState.Imposed] = [MeasureState.Forfeited, MeasureState.Executed, MeasureState.Lifted, MeasureState.InObjection],
        [MeasureState.InObjection] = [MeasureState.Imposed, MeasureState.Lifted],
        [MeasureState.Forfeited] = [MeasureState.Lifted],
        [MeasureState.Executed] = [],
        [MeasureState.Lifted] = [],
    };

    /// <summary>The states a measure of <paramref name="type"/> in <paramref name="from"/> may move to.</summary>
    public static IReadOnlyList<MeasureState> Allowed(MeasureType type, MeasureState from) =>
        [.. Next[from].Where(to => Fits(type, to))];

    /// <summary>Null when the change is allowed, else why not (plain English).</summary>
    public static (EnforcementRefusal Refusal, string Message)? Refusal(MeasureType type, MeasureState from, MeasureState to)
    {
        if (!Fits(type, to))
        {
            return (EnforcementRefusal.StateNotForType, to == MeasureState.Forfeited
                ? $"Only a dwangsom can be forfeited; this measure is a {Storage.EnumText.ToText(type)}."
                : $"Only a bestuursdwang or a sluiting can be executed; this measure is a {Storage.EnumText.ToText(type)}.");
        }
        if (!Next[from].Contains(to))
        {
            var allowed = Allowed(type, from);
            return (EnforcementRefusal.TransitionNotAllowed, $"A measure that is {Storage.EnumText.ToText(from)} cannot become {Storage.EnumText.ToText(to)}; " +
                   (allowed.Count == 0 ? "it is final." : $"it can become {string.Join(" or ", allowed.Select(Storage.EnumText.ToText))}."));
        }
        return null;
    }

    /// <summary>The states a new measure may be recorded in.</summary>
    public static bool IsInitial(MeasureState state) => state is MeasureState.Intended or MeasureState.Imposed;

    private static bool Fits(MeasureType type, MeasureState to) => to switch
    {
        MeasureState.Forfeited => type == MeasureType.Dwangsom,
        MeasureState.Executed => type is MeasureType.Bestuursdwang or MeasureType.Sluiting,
        _ => true,
    };
}
