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

/// <summary>
/// The outcome of recording a control or measure or changing a state: the row's id, or why it was refused — a
/// <see cref="EnforcementRefusal"/> the dashboard words in its language, and a plain English message for the CLI and logs.
/// </summary>
public sealed record EnforcementResult(bool Succeeded, long? Id, EnforcementRefusal? Refusal, string Message)
{
    public static EnforcementResult Done(long id, string message) => new(true, id, null, message);

    public static EnforcementResult Refused(EnforcementRefusal refusal, string message) => new(false, null, refusal, message);
}

/// <summary>Why a record or change was refused.</summary>
public enum EnforcementRefusal
{
    /// <summary>No such location, control or measure.</summary>
    NotFound,
    /// <summary>A control without who took part or premises.</summary>
    MissingParties,
    /// <summary>Persons checked out of range, or more working illegally than checked.</summary>
    PersonCounts,
    /// <summary>Persons working illegally were counted but illegal prostitution was not ticked.</summary>
    IllegalNotMarked,
    TextTooLong,
    /// <summary>A new measure that is not intended or imposed.</summary>
    InitialState,
    /// <summary>An amount on a measure that is no dwangsom, or out of range.</summary>
    Amount,
    /// <summary>A closure that ends before it starts.</summary>
    ClosureDates,
    /// <summary>Forfeited for a measure that is no dwangsom, executed for one that is no bestuursdwang or sluiting.</summary>
    StateNotForType,
    /// <summary>A change of state <see cref="MeasureTransitions"/> does not allow.</summary>
    TransitionNotAllowed,
    /// <summary>A change dated before the measure's last change.</summary>
    DateBeforeLastChange,
    /// <summary>Someone else changed the measure meanwhile.</summary>
    Conflict,
    /// <summary>A document without a name, empty, or larger than <see cref="EnforcementStore.MaxDocumentBytes"/>.</summary>
    BadDocument,
    /// <summary>A document that is not a PDF, PNG or JPEG by its first bytes.</summary>
    DocumentKind,
}
