using AdWatch.DemoSites.Hostile;
using AdWatch.Storage;
using Dapper;

namespace AdWatch.IntegrationTests.Hostile;

/// <summary>
/// What every input path must leave behind after the <see cref="HostileCorpus"/>, checked on the database: each case stored
/// whole (ad, current version, evidence, a sighting, no NUL) or not at all; the facts a stored case states found.
/// Each check returns the problems it saw, so one failure names every case that went wrong.
/// </summary>
internal static class CorpusChecks
{
    /// <summary>Rows a crash or a half-done write would leave: an ad without its version, evidence or sighting; NUL in stored text.</summary>
    public static async Task<List<string>> HalfWrittenAsync(Database db, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var problems = new List<string>();
        async Task Expect0(string what, string sql)
        {
            var n = await c.ExecuteScalarAsync<long>(new CommandDefinition(sql, cancellationToken: ct));
            if (n != 0)
            {
                problems.Add($"{n} {what}");
            }
        }
        await Expect0("ads without a current version",
            "SELECT COUNT(*) FROM ads a WHERE a.current_version_id IS NULL OR NOT EXISTS (SELECT 1 FROM ad_versions v WHERE v.id = a.current_version_id AND v.ad_id = a.id)");
        await Expect0("ad versions without evidence", "SELECT COUNT(*) FROM ad_versions v WHERE v.evidence_id IS NULL OR NOT EXISTS (SELECT 1 FROM evidence_blobs e WHERE e.id = v.evidence_id)");
        await Expect0("ads never sighted", "SELECT COUNT(*) FROM ads a WHERE NOT EXISTS (SELECT 1 FROM observations o WHERE o.ad_id = a.id)");
        await Expect0("ad versions with NUL in their text",
            "SELECT COUNT(*) FROM ad_versions WHERE instr(COALESCE(title, '') || COALESCE(body_text, '') || COALESCE(location_text, '') || COALESCE(phone_text, ''), char(0)) > 0");
        await Expect0("crawl requests still open", "SELECT COUNT(*) FROM crawl_requests WHERE status IN ('pending', 'leased')");
        await Expect0("crawl runs still running", "SELECT COUNT(*) FROM crawl_runs WHERE status = 'running'");
        return problems;
    }

    /// <summary>For each case: stored when it should be (and then with its phone and house), absent when it should be refused.</summary>
    public static async Task<List<string>> OutcomesAsync(Database db, Func<HostileCase, HostileOutcome> expected, Func<HostileCase, string> url,
        bool extracted, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var problems = new List<string>();
        foreach (var hostile in HostileCorpus.Cases)
        {
            var versionId = await c.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT current_version_id FROM ads WHERE url = @url", new { url = url(hostile) }, cancellationToken: ct));
            if (expected(hostile) == HostileOutcome.Refused)
            {
                if (versionId is not null)
                {
                    problems.Add($"{hostile.Name}: stored, but should have been refused ({hostile.Description})");
                }
                continue;
            }
            if (versionId is null)
            {
                problems.Add($"{hostile.Name}: not stored ({hostile.Description})");
                continue;
            }
            if (!extracted)
            {
                continue;
            }
            if (hostile.Phone is { } phone && await c.ExecuteScalarAsync<long>(new CommandDefinition(
                    "SELECT COUNT(*) FROM ad_phones ap JOIN phones p ON p.id = ap.phone_id WHERE ap.version_id = @versionId AND p.e164 = @phone",
                    new { versionId, phone }, cancellationToken: ct)) == 0)
            {
                problems.Add($"{hostile.Name}: phone {phone} not found");
            }
            if (hostile.Postcode is { } postcode && await c.ExecuteScalarAsync<long>(new CommandDefinition(
                    "SELECT COUNT(*) FROM ad_places ap JOIN places p ON p.id = ap.place_id WHERE ap.version_id = @versionId AND p.postcode = @postcode",
                    new { versionId, postcode }, cancellationToken: ct)) == 0)
            {
                problems.Add($"{hostile.Name}: house in {postcode} not found");
            }
            var phones = await c.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM ad_phones WHERE version_id = @versionId",
                new { versionId }, cancellationToken: ct));
            if (phones > 3)
            {
                problems.Add($"{hostile.Name}: {phones} phones found where the page states one");
            }
        }
        return problems;
    }
}
