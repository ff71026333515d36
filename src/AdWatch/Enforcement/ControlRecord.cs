namespace AdWatch.Enforcement;

/// <summary>What a user records about a control: the day, who took part, the premises and what was found.</summary>
public sealed record NewControl(
    long LocationId,
    DateOnly ControlledOn,
    IReadOnlyList<ControlParty> ByWhom,
    Premises Premises,
    bool IllegalProstitution,
    int PersonsChecked,
    int PersonsIllegal,
    bool TraffickingSignals,
    bool CareOffered,
    string? Note);

/// <summary>A stored control (a row of <c>controls</c>).</summary>
public sealed record ControlRecord(
    long Id,
    long LocationId,
    DateOnly ControlledOn,
    IReadOnlyList<ControlParty> ByWhom,
    Premises Premises,
    bool IllegalProstitution,
    int PersonsChecked,
    int PersonsIllegal,
    bool TraffickingSignals,
    bool CareOffered,
    string? Note,
    string RecordedBy,
    DateTimeOffset RecordedAt);

/// <summary>A document attached to a control: its name, size and SHA-256 (the bytes are kept by the caller's store).</summary>
public sealed record ControlDocument(long Id, long ControlId, string Name, string Sha256, long Bytes, string AddedBy, DateTimeOffset AddedAt);

/// <summary>A document's bytes and kind (PDF, PNG or JPEG), with the location of its control (who may open it decides who may read it).</summary>
public sealed record StoredDocument(ControlDocument Document, long LocationId, string MediaType, byte[] Content);
