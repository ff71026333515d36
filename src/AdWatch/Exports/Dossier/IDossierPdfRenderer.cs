namespace AdWatch.Exports.Dossier;

/// <summary>Prints a lead's evidence dossier as PDF. The seam tests fake: the real one drives Chromium.</summary>
public interface IDossierPdfRenderer
{
    Task<byte[]> RenderAsync(Lead lead, CancellationToken ct);
}
