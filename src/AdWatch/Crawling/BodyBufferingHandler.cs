namespace AdWatch.Crawling;

/// <summary>
/// Sits inside the retry pipeline and reads the whole body there, so a body cut off mid-transfer is a retryable
/// error like any other network fault, and an oversized body fails cleanly without being retried.
/// </summary>
internal sealed class BodyBufferingHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var response = await base.SendAsync(request, ct);
        var limit = request.Options.TryGetValue(CrawlHttp.MaxBytes, out var max) ? max : 10_000_000;
        if (response.Content.Headers.ContentLength > limit)
        {
            response.Dispose();
            throw new BodyTooLargeException(limit);
        }
        try
        {
            await response.Content.LoadIntoBufferAsync(limit, ct);
        }
        catch (HttpRequestException ex) when (ex.InnerException is null && ex.Message.Contains("buffer", StringComparison.OrdinalIgnoreCase))
        {
            response.Dispose();
            throw new BodyTooLargeException(limit);
        }
        catch
        {
            response.Dispose();
            throw;
        }
        return response;
    }
}
