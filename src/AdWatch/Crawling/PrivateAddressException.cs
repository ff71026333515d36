namespace AdWatch.Crawling;

/// <summary>A host resolved to a private, loopback or link-local address on a site not marked local. Not retryable.</summary>
internal sealed class PrivateAddressException(string host, string address)
    : Exception($"{host} resolves to private address {address}; only sites marked 'local: true' may fetch those.");
