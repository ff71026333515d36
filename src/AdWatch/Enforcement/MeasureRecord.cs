namespace AdWatch.Enforcement;

/// <summary>
/// A measure as a user records it. <see cref="AmountCents"/> only for a dwangsom; <see cref="TermEndsOn"/> is the end of the
/// begunstigingstermijn; <see cref="StartsOn"/>/<see cref="EndsOn"/> a closure's first and last day. <see cref="State"/> is
/// intended or imposed, taking effect on <see cref="On"/>.
/// </summary>
public sealed record NewMeasure(
    long LocationId,
    MeasureType Type,
    long? AmountCents,
    DateOnly? TermEndsOn,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    MeasureState State,
    DateOnly On,
    string? Note);

/// <summary>A stored measure and its current state.</summary>
public sealed record MeasureRecord(
    long Id,
    long LocationId,
    MeasureType Type,
    long? AmountCents,
    DateOnly? TermEndsOn,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    MeasureState State,
    string? Note,
    string CreatedBy,
    DateTimeOffset CreatedAt);

/// <summary>One change of a measure's state (<see cref="From"/> null for the row that recorded it).</summary>
public sealed record MeasureEvent(long Id, long MeasureId, MeasureState? From, MeasureState To, DateOnly On, string Actor, string? Note,
    DateTimeOffset At);

/// <summary>The outcome of recording a control or measure or changing a state: the row's id, or why it was refused.</summary>
public sealed record EnforcementResult(bool Succeeded, long? Id, string Message)
{
    public static EnforcementResult Done(long id, string message) => new(true, id, message);

    public static EnforcementResult Refused(string message) => new(false, null, message);
}
