namespace AdWatch.Review;

/// <summary>Why the workflow refused a review action. The dashboard shows each in the UI language.</summary>
public enum ReviewRefusal
{
    /// <summary>No flag with that id.</summary>
    UnknownFlag,

    /// <summary>The signed-in role may not do this (only coordinators and admins propose, inspect, close, reopen).</summary>
    RoleNotAllowed,

    /// <summary>The action does not apply to the flag's current status.</summary>
    StatusNotAllowed,

    /// <summary>Dismissing needs a reason; a note needs text; an assignment needs a user.</summary>
    TextRequired,

    /// <summary>Someone else changed the flag meanwhile; reload and try again.</summary>
    Conflict,
}
