namespace AdWatch.Review;

/// <summary>What a reviewer can do to a flag. <see cref="Note"/> and <see cref="Assign"/> keep the status.</summary>
public enum ReviewAction
{
    /// <summary>new → in_review (any role).</summary>
    TakeInReview,

    /// <summary>in_review → inspection_proposed (coordinator, admin).</summary>
    ProposeInspection,

    /// <summary>inspection_proposed → inspected (coordinator, admin).</summary>
    MarkInspected,

    /// <summary>inspected → closed (coordinator, admin).</summary>
    Close,

    /// <summary>new, in_review or inspection_proposed → dismissed, with a reason (any role).</summary>
    Dismiss,

    /// <summary>dismissed or closed → in_review (coordinator, admin).</summary>
    Reopen,

    /// <summary>Adds a note; status unchanged (any role).</summary>
    Note,

    /// <summary>Assigns the flag to a user; status unchanged (any role).</summary>
    Assign,
}
