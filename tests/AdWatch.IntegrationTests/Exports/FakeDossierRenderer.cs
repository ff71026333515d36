using System.Text;
using AdWatch.Exports;
using AdWatch.Exports.Dossier;

namespace AdWatch.IntegrationTests.Exports;

/// <summary>A tiny stand-in "PDF" so ZGW tests need no Chromium; the real renderer has its own tests.</summary>
internal sealed class FakeDossierRenderer : IDossierPdfRenderer
{
    public int Calls;

    public Task<byte[]> RenderAsync(Lead lead, CancellationToken ct)
    {
        Interlocked.Increment(ref Calls);
        return Task.FromResult(Encoding.ASCII.GetBytes($"%PDF-1.4\n% dossier {lead.LeadId}\n%%EOF\n"));
    }
}
