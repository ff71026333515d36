namespace AdWatch.Evidence;

/// <summary>What <c>adwatch import FILE</c> did. <see cref="Problems"/> name the line (JSONL) or record (WARC) that was skipped.</summary>
public sealed record ImportResult(int Read, int Imported, int New, int Changed, int Unchanged, int Skipped, IReadOnlyList<string> Problems);
