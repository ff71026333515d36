namespace AdWatch.Enforcement;

/// <summary>
/// Work that follows a recorded measure or a change of its state (<see cref="EnforcementStore"/>), registered by a later stage
/// (e.g. the ZGW status export) so enforcement does not depend on it. It runs after the change is committed; one that fails
/// is logged and does not undo the change, so a follow-up must also be reached another way (e.g. a sweep after analysis).
/// </summary>
public interface IMeasureFollowUp
{
    Task AfterMeasureChangeAsync(long locationId, CancellationToken ct);
}
