using System.Text;
using Microsoft.AspNetCore.Http;

namespace AdWatch.DemoSites.Hosting;

/// <summary>
/// Writes whole bodies through <see cref="HttpResponse.Body"/> (not the pipe writer) so the truncated-body fault can
/// buffer them by swapping the stream.
/// </summary>
internal static class DemoResponses
{
    public const string Html = "text/html; charset=utf-8";
    public const string Json = "application/json; charset=utf-8";

    public static Task WriteAsync(HttpContext http, int status, string contentType, string body) =>
        WriteAsync(http, status, contentType, Encoding.UTF8.GetBytes(body));

    public static async Task WriteAsync(HttpContext http, int status, string contentType, byte[] body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = contentType;
        if (HttpMethods.IsHead(http.Request.Method)) return;
        await http.Response.Body.WriteAsync(body, http.RequestAborted);
    }

    public static Task RedirectAsync(HttpContext http, string location)
    {
        http.Response.StatusCode = StatusCodes.Status302Found;
        http.Response.Headers.Location = location;
        return Task.CompletedTask;
    }
}
