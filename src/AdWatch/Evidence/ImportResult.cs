namespace AdWatch.Evidence;

/// <summary>
/// What <c>adwatch import FILE</c> did. <see cref="Problems"/> name the line (JSONL) or record and byte offset (WARC) that was
/// skipped; at most <see cref="AdImporter.MaxProblemsKept"/> are kept, <see cref="Skipped"/> counts them all.
/// </summary>
public sealed record ImportResult(int Read, int Imported, int New, int Changed, int Unchanged, int Skipped, IReadOnlyList<string> Problems);
