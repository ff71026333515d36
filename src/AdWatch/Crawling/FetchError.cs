namespace AdWatch.Crawling;

/// <summary>
/// A named fetch failure. Kinds: <c>connection-refused</c>, <c>dns</c>, <c>tls</c>, <c>network</c> (any other transport
/// failure, see <see cref="NetworkFailure"/>), <c>timeout</c>, <c>http-NNN</c>, <c>too-large</c>, <c>decompression</c>,
/// <c>redirect-loop</c>, <c>too-many-redirects</c>, <c>off-site</c>, <c>private-address</c>, <c>robots</c>,
/// <c>backpressure</c>, <c>browser</c>.
/// </summary>
public sealed record FetchError(string Kind, string Message);
