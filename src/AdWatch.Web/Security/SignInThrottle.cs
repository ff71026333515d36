using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;
using AdWatch.Web.Hosting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace AdWatch.Web.Security;

/// <summary>
/// Per-client throttling of sign-in posts (ASP.NET Core rate limiting): each client (<see cref="ClientKey"/>) may post the
/// sign-in form <see cref="WebOptions.SignInAttemptsPerMinute"/> times a minute (a fixed window); past that it gets 429 with
/// <c>Retry-After</c> and the localised error page, and the attempt is neither checked nor audited. Without it one anonymous
/// client wrote 200 audit rows in 19 seconds and could try passwords as fast as the hash allows. The first refusal of a
/// client in a minute is logged as a warning; the rest are not, so the log cannot be flooded either.
/// </summary>
internal static class SignInThrottle
{
    public const string Policy = "sign-in";
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static void AddSignInThrottle(this IServiceCollection services)
    {
        services.AddSingleton<ThrottleWarnings>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Policy, http =>
            {
                // Showing the form costs nothing; only the posts that check a password count.
                if (!HttpMethods.IsPost(http.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("");
                }
                var limit = http.RequestServices.GetRequiredService<IOptions<WebOptions>>().Value.SignInAttemptsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(ClientKey.Of(http), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limit,
                    Window = Window,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            o.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : Window;
                context.HttpContext.Response.Headers.RetryAfter =
                    ((int)Math.Ceiling(Math.Max(1, retryAfter.TotalSeconds))).ToString(CultureInfo.InvariantCulture);
                context.HttpContext.RequestServices.GetRequiredService<ThrottleWarnings>().Refused(context.HttpContext);
                return ValueTask.CompletedTask;
            };
        });
    }

    /// <summary>Logs the first refused sign-in of each client per minute.</summary>
    internal sealed class ThrottleWarnings(TimeProvider time, ILogger<ThrottleWarnings> logger)
    {
        private readonly ConcurrentDictionary<string, long> _lastWarnedMinute = new();

        public void Refused(HttpContext http)
        {
            var client = ClientKey.Of(http);
            var minute = time.GetUtcNow().ToUnixTimeSeconds() / 60;
            if (_lastWarnedMinute.Count > 10_000)
            {
                _lastWarnedMinute.Clear();
            }
            if (_lastWarnedMinute.TryGetValue(client, out var warned) && warned == minute)
            {
                return;
            }
            _lastWarnedMinute[client] = minute;
            logger.LogWarning("Sign-in throttled for client {Client}: more than Dashboard:SignInAttemptsPerMinute attempts this minute", client);
        }
    }
}
