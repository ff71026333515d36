namespace AdWatch.Evidence;

/// <summary>
/// What <see cref="WarcReader.Scan"/> found at one place in a WARC file: a record, or a problem (a broken, oversized or
/// truncated record) described for the user with its record number and byte offset. A problem is a result, not an
/// exception, so one bad record never hides the good ones after it.
/// </summary>
public sealed record WarcEntry(int Number, long Offset, WarcRecord? Record, string? Problem);
