using System.Globalization;
using AdWatch.Privacy;
using AdWatch.Storage;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AdWatch.Enforcement;

/// <summary>
/// Controls and measures on locations. Input is checked here, not in the page, so a forged POST and the CLI meet the same
/// rules; a refusal says what to fix. Every record and every change of a measure's state is one transaction (a measure and
/// its first event, a state and its event row) and one audit entry, as <see cref="Review.ReviewWorkflow"/> does for flags.
/// </summary>
public sealed class EnforcementStore(Database database, AuditLog audit, TimeProvider time,
    IEnumerable<IMeasureFollowUp>? followUps = null, ILogger<EnforcementStore>? logger = null)
{
    /// <summary>Longest note kept; longer text is refused rather than cut.</summary>
    public const int MaxTextLength = 4000;

    /// <summary>More persons than this at one control is a typing error, not a finding.</summary>
    public const int MaxPersons = 500;

    /// <summary>A dwangsom above €10 million is a typing error (the unit is cents).</summary>
    public const long MaxAmountCents = 1_000_000_000;

    internal const string DateFormat = "yyyy-MM-dd";

    public async Task<EnforcementResult> RecordControlAsync(NewControl control, string actor, CancellationToken ct)
    {
        var note = Clean(control.Note);
        var refusal = CheckControl(control, note) ?? await CheckLocationAsync(control.LocationId, ct);
        if (refusal is not null)
        {
            return EnforcementResult.Refused(refusal.Value.Refusal, refusal.Value.Message);
        }
        long id;
        await using (var connection = await database.OpenAsync(ct))
        {
            id = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
                INSERT INTO controls (location_id, controlled_on, by_whom, premises, illegal_prostitution, persons_checked, persons_illegal,
                                      trafficking_signals, care_offered, note, recorded_by, recorded_at)
                VALUES (@LocationId, @On, @ByWhom, @Premises, @IllegalProstitution, @PersonsChecked, @PersonsIllegal,
                        @TraffickingSignals, @CareOffered, @note, @actor, @at)
                RETURNING id
                """, new
            {
                control.LocationId, On = Day(control.ControlledOn), ByWhom = Parties(control.ByWhom), Premises = control.Premises.ToText(),
                control.IllegalProstitution, control.PersonsChecked, control.PersonsIllegal, control.TraffickingSignals, control.CareOffered,
                note, actor, at = time.GetUtcNow(),
            }, cancellationToken: ct));
        }
        await audit.WriteAsync(actor, "change", "control", Id(id),
            $"control recorded at location {control.LocationId} on {Day(control.ControlledOn)}: {control.PersonsChecked} persons checked, " +
            $"{control.PersonsIllegal} illegal", ct);
        return EnforcementResult.Done(id, $"control {id} recorded");
    }

    /// <summary>Largest document kept (10 MiB): a report or a few photos, not a video.</summary>
    public const int MaxDocumentBytes = 10 * 1024 * 1024;

    /// <summary>
    /// Stores a document with a control: its bytes, SHA-256 and kind, read from its first bytes (PDF, PNG or JPEG; the name and
    /// the browser's claim are not trusted), under a name cut to a file name without control characters. Refused, storing
    /// nothing, when empty, too large or of another kind.
    /// </summary>
    public async Task<EnforcementResult> AddDocumentAsync(long controlId, string name, byte[] content, string actor, CancellationToken ct)
    {
        var fileName = new string([.. Path.GetFileName(name.Replace('\\', '/')).Where(c => !char.IsControl(c))]).Trim();
        fileName = fileName.Length > 255 ? fileName[..255] : fileName;
        if (fileName.Length == 0 || content.Length == 0 || content.Length > MaxDocumentBytes)
        {
            return EnforcementResult.Refused(EnforcementRefusal.BadDocument, $"A document needs a name and 1 byte to {MaxDocumentBytes / 1024 / 1024} MiB.");
        }
        if (MediaTypeOf(content) is not { } mediaType)
        {
            return EnforcementResult.Refused(EnforcementRefusal.DocumentKind, "Only PDF, PNG and JPEG documents can be attached.");
        }
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        await using var connection = await database.OpenAsync(ct);
        if (await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM controls WHERE id = @controlId", new { controlId }, cancellationToken: ct)) == 0)
        {
            return EnforcementResult.Refused(EnforcementRefusal.NotFound, $"There is no control {controlId}.");
        }
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO control_documents (control_id, name, sha256, bytes, added_by, added_at, media_type, content)
            VALUES (@controlId, @fileName, @sha, @bytes, @actor, @at, @mediaType, @content) RETURNING id
            """, new { controlId, fileName, sha, bytes = (long)content.Length, actor, at = time.GetUtcNow(), mediaType, content }, cancellationToken: ct));
        await audit.WriteAsync(actor, "change", "control", Id(controlId), $"document {id} '{fileName}' attached ({mediaType}, {content.Length} bytes, sha256 {sha})", ct);
        return EnforcementResult.Done(id, $"document {id} attached");
    }

    /// <summary>A stored document with its bytes and the location of its control; null when there is none (or no bytes were kept).</summary>
    public async Task<StoredDocument?> DocumentAsync(long documentId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<DocumentRow>(new CommandDefinition("""
            SELECT d.id AS Id, d.control_id AS ControlId, d.name AS Name, d.sha256 AS Sha256, d.bytes AS Bytes, d.added_by AS AddedBy,
                   d.added_at AS AddedAt, d.media_type AS MediaType, d.content AS Content, c.location_id AS LocationId
            FROM control_documents d JOIN controls c ON c.id = d.control_id WHERE d.id = @documentId
            """, new { documentId }, cancellationToken: ct));
        return row is { MediaType: { } type, Content: { } bytes }
            ? new StoredDocument(new ControlDocument(row.Id, row.ControlId, row.Name, row.Sha256, row.Bytes, row.AddedBy, row.AddedAt), row.LocationId, type, bytes)
            : null;
    }

    /// <summary>The kind of a document by its first bytes (its magic number); null for anything but PDF, PNG and JPEG.</summary>
    internal static string? MediaTypeOf(ReadOnlySpan<byte> content) =>
        content.StartsWith("%PDF-"u8) ? "application/pdf"
        : content.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : null;

    private sealed record DocumentRow
    {
        public long Id { get; init; }
        public long ControlId { get; init; }
        public string Name { get; init; } = "";
        public string Sha256 { get; init; } = "";
        public long Bytes { get; init; }
        public string AddedBy { get; init; } = "";
        public DateTimeOffset AddedAt { get; init; }
        public string? MediaType { get; init; }
        public byte[]? Content { get; init; }
        public long LocationId { get; init; }
    }

    public async Task<EnforcementResult> RecordMeasureAsync(NewMeasure measure, string actor, CancellationToken ct)
    {
        var note = Clean(measure.Note);
        var refusal = CheckMeasure(measure, note) ?? await CheckLocationAsync(measure.LocationId, ct);
        if (refusal is not null)
        {
            return EnforcementResult.Refused(refusal.Value.Refusal, refusal.Value.Message);
        }
        var at = time.GetUtcNow();
        long id;
        await using (var connection = await database.OpenAsync(ct))
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            id = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
                INSERT INTO measures (location_id, legal_type, amount_cents, term_ends_on, starts_on, ends_on, state, note, created_by, created_at)
                VALUES (@LocationId, @Type, @AmountCents, @TermEndsOn, @StartsOn, @EndsOn, @State, @note, @actor, @at)
                RETURNING id
                """, new
            {
                measure.LocationId, Type = measure.Type.ToText(), measure.AmountCents, TermEndsOn = Day(measure.TermEndsOn),
                StartsOn = Day(measure.StartsOn), EndsOn = Day(measure.EndsOn), State = measure.State.ToText(), note, actor, at,
            }, tx, cancellationToken: ct));
            await InsertEventAsync(connection, tx, id, null, measure.State, measure.On, actor, note, at, ct);
            await tx.CommitAsync(ct);
        }
        await audit.WriteAsync(actor, "change", "measure", Id(id),
            $"{measure.Type.ToText()} recorded at location {measure.LocationId}: {measure.State.ToText()} on {Day(measure.On)}", ct);
        await FollowUpAsync(measure.LocationId, ct);
        return EnforcementResult.Done(id, $"measure {id} recorded ({measure.State.ToText()})");
    }

    /// <summary>
    /// Moves a measure to <paramref name="to"/>, taking effect on <paramref name="on"/> (not before its last change). Refused,
    /// changing nothing, when <see cref="MeasureTransitions"/> does not allow it or someone changed the measure meanwhile.
    /// </summary>
    public async Task<EnforcementResult> ChangeStateAsync(long measureId, MeasureState to, DateOnly on, string actor, string? note,
        CancellationToken ct)
    {
        note = Clean(note);
        if (note?.Length > MaxTextLength)
        {
            return EnforcementResult.Refused(EnforcementRefusal.TextTooLong, $"Notes are limited to {MaxTextLength} characters.");
        }
        var measure = await GetMeasureAsync(measureId, ct);
        if (measure is null)
        {
            return EnforcementResult.Refused(EnforcementRefusal.NotFound, $"There is no measure {measureId}.");
        }
        if (MeasureTransitions.Refusal(measure.Type, measure.State, to) is { } refusal)
        {
            return EnforcementResult.Refused(refusal.Refusal, refusal.Message);
        }
        var events = await EventsAsync(measureId, ct);
        if (events.Count > 0 && on < events[^1].On)
        {
            return EnforcementResult.Refused(EnforcementRefusal.DateBeforeLastChange, $"The change cannot take effect on {Day(on)}, before the measure's last change on {Day(events[^1].On)}.");
        }
        var at = time.GetUtcNow();
        await using (var connection = await database.OpenAsync(ct))
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            var changed = await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE measures SET state = @to WHERE id = @measureId AND state = @from",
                new { measureId, to = to.ToText(), from = measure.State.ToText() }, tx, cancellationToken: ct));
            if (changed != 1)
            {
                return EnforcementResult.Refused(EnforcementRefusal.Conflict, "The measure was changed by someone else meanwhile; reload it.");
            }
            await InsertEventAsync(connection, tx, measureId, measure.State, to, on, actor, note, at, ct);
            await tx.CommitAsync(ct);
        }
        await audit.WriteAsync(actor, "change", "measure", Id(measureId), $"{measure.State.ToText()} → {to.ToText()} on {Day(on)}", ct);
        await FollowUpAsync(measure.LocationId, ct);
        return EnforcementResult.Done(measureId, $"{measure.State.ToText()} → {to.ToText()}");
    }

    public async Task<IReadOnlyList<ControlRecord>> ControlsAsync(long locationId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<ControlRow>(new CommandDefinition(
            "SELECT * FROM controls WHERE location_id = @locationId ORDER BY controlled_on, id", new { locationId }, cancellationToken: ct));
        return [.. rows.Select(r => r.ToRecord())];
    }

    public async Task<IReadOnlyList<ControlDocument>> DocumentsAsync(long controlId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return [.. await connection.QueryAsync<ControlDocument>(new CommandDefinition(
            "SELECT id, control_id, name, sha256, bytes, added_by, added_at FROM control_documents WHERE control_id = @controlId ORDER BY id",
            new { controlId }, cancellationToken: ct))];
    }

    public async Task<IReadOnlyList<MeasureRecord>> MeasuresAsync(long locationId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<MeasureRow>(new CommandDefinition(
            "SELECT * FROM measures WHERE location_id = @locationId ORDER BY id", new { locationId }, cancellationToken: ct));
        return [.. rows.Select(r => r.ToRecord())];
    }

    public async Task<MeasureRecord?> GetMeasureAsync(long measureId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<MeasureRow>(new CommandDefinition(
            "SELECT * FROM measures WHERE id = @measureId", new { measureId }, cancellationToken: ct));
        return row?.ToRecord();
    }

    /// <summary>A measure's changes of state, oldest first.</summary>
    public async Task<IReadOnlyList<MeasureEvent>> EventsAsync(long measureId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<EventRow>(new CommandDefinition(
            "SELECT * FROM measure_events WHERE measure_id = @measureId ORDER BY id", new { measureId }, cancellationToken: ct));
        return [.. rows.Select(r => r.ToRecord())];
    }

    public async Task<MeasureEvent?> GetEventAsync(long eventId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<EventRow>(new CommandDefinition(
            "SELECT * FROM measure_events WHERE id = @eventId", new { eventId }, cancellationToken: ct));
        return row?.ToRecord();
    }

    /// <summary>The change is committed and audited; a follow-up that fails is logged, and its sweep catches up later.</summary>
    private async Task FollowUpAsync(long locationId, CancellationToken ct)
    {
        foreach (var followUp in followUps ?? [])
        {
            try
            {
                await followUp.AfterMeasureChangeAsync(locationId, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                (logger ?? NullLogger<EnforcementStore>.Instance).LogWarning(e, "After a measure change at location {Location}: {FollowUp} failed; its next sweep retries",
                    locationId, followUp.GetType().Name);
            }
        }
    }

    internal static string Day(DateOnly day) => day.ToString(DateFormat, CultureInfo.InvariantCulture);

    internal static string? Day(DateOnly? day) => day is { } d ? Day(d) : null;

    internal static DateOnly ParseDay(string text) => DateOnly.ParseExact(text, DateFormat, CultureInfo.InvariantCulture);

    private static string Parties(IEnumerable<ControlParty> parties) => string.Join(',', parties.Distinct().Order().Select(p => p.ToText()));

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static (EnforcementRefusal Refusal, string Message)? CheckControl(NewControl c, string? note)
    {
        if (c.ByWhom.Count == 0 || c.ByWhom.Any(p => !Enum.IsDefined(p)) || !Enum.IsDefined(c.Premises))
        {
            return (EnforcementRefusal.MissingParties, "A control needs who took part (PCT, boa, wijkagent or other) and the kind of premises.");
        }
        if (c.PersonsChecked is < 0 or > MaxPersons || c.PersonsIllegal < 0 || c.PersonsIllegal > c.PersonsChecked)
        {
            return (EnforcementRefusal.PersonCounts, $"Persons checked must be 0 to {MaxPersons}, and the persons working illegally no more than those checked.");
        }
        if (c.PersonsIllegal > 0 && !c.IllegalProstitution)
        {
            return (EnforcementRefusal.IllegalNotMarked, "Persons working illegally were counted, so illegal prostitution was found: tick it.");
        }
        return note?.Length > MaxTextLength ? (EnforcementRefusal.TextTooLong, $"Notes are limited to {MaxTextLength} characters.") : null;
    }

    private static (EnforcementRefusal Refusal, string Message)? CheckMeasure(NewMeasure m, string? note)
    {
        if (!Enum.IsDefined(m.Type) || !MeasureTransitions.IsInitial(m.State))
        {
            return (EnforcementRefusal.InitialState, "A new measure is recorded as intended or imposed.");
        }
        if (m.AmountCents is not null && (m.Type != MeasureType.Dwangsom || m.AmountCents is <= 0 or > MaxAmountCents))
        {
            return (EnforcementRefusal.Amount, m.Type != MeasureType.Dwangsom ? "Only a dwangsom has an amount." : "The amount must be more than €0 and at most €10,000,000.");
        }
        if (m.StartsOn is { } from && m.EndsOn is { } to && to < from)
        {
            return (EnforcementRefusal.ClosureDates, "A closure cannot end before it starts.");
        }
        return note?.Length > MaxTextLength ? (EnforcementRefusal.TextTooLong, $"Notes are limited to {MaxTextLength} characters.") : null;
    }

    private async Task<(EnforcementRefusal Refusal, string Message)?> CheckLocationAsync(long locationId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM locations WHERE id = @locationId", new { locationId }, cancellationToken: ct)) == 0
            ? (EnforcementRefusal.NotFound, $"There is no location {locationId}.")
            : null;
    }

    private static Task InsertEventAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction tx, long measureId,
        MeasureState? from, MeasureState to, DateOnly on, string actor, string? note, DateTimeOffset at, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO measure_events (measure_id, from_state, to_state, on_date, actor, note, at)
            VALUES (@measureId, @from, @to, @on, @actor, @note, @at)
            """, new { measureId, from = from?.ToText(), to = to.ToText(), on = Day(on), actor, note, at }, tx, cancellationToken: ct));

    // Rows as Dapper fills them: enums and dates as stored text (see EnumText), converted once here.
    private sealed record ControlRow
    {
        public long Id { get; init; }
        public long LocationId { get; init; }
        public string ControlledOn { get; init; } = "";
        public string ByWhom { get; init; } = "";
        public string Premises { get; init; } = "";
        public bool IllegalProstitution { get; init; }
        public long PersonsChecked { get; init; }
        public long PersonsIllegal { get; init; }
        public bool TraffickingSignals { get; init; }
        public bool CareOffered { get; init; }
        public string? Note { get; init; }
        public string RecordedBy { get; init; } = "";
        public DateTimeOffset RecordedAt { get; init; }

        public ControlRecord ToRecord() => new(Id, LocationId, ParseDay(ControlledOn),
            [.. ByWhom.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(EnumText.Parse<ControlParty>)],
            EnumText.Parse<Premises>(Premises), IllegalProstitution, (int)PersonsChecked, (int)PersonsIllegal, TraffickingSignals, CareOffered,
            Note, RecordedBy, RecordedAt);
    }

    private sealed record MeasureRow
    {
        public long Id { get; init; }
        public long LocationId { get; init; }
        public string LegalType { get; init; } = "";
        public long? AmountCents { get; init; }
        public string? TermEndsOn { get; init; }
        public string? StartsOn { get; init; }
        public string? EndsOn { get; init; }
        public string State { get; init; } = "";
        public string? Note { get; init; }
        public string CreatedBy { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }

        public MeasureRecord ToRecord() => new(Id, LocationId, EnumText.Parse<MeasureType>(LegalType), AmountCents,
            TermEndsOn is null ? null : ParseDay(TermEndsOn), StartsOn is null ? null : ParseDay(StartsOn), EndsOn is null ? null : ParseDay(EndsOn),
            EnumText.Parse<MeasureState>(State), Note, CreatedBy, CreatedAt);
    }

    private sealed record EventRow
    {
        public long Id { get; init; }
        public long MeasureId { get; init; }
        public string? FromState { get; init; }
        public string ToState { get; init; } = "";
        public string OnDate { get; init; } = "";
        public string Actor { get; init; } = "";
        public string? Note { get; init; }
        public DateTimeOffset At { get; init; }

        public MeasureEvent ToRecord() => new(Id, MeasureId, FromState is null ? null : EnumText.Parse<MeasureState>(FromState),
            EnumText.Parse<MeasureState>(ToState), ParseDay(OnDate), Actor, Note, At);
    }
}
