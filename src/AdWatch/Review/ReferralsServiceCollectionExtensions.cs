using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AdWatch.Review;

public static class ReferralsServiceCollectionExtensions
{
    /// <summary>The referral information of the dossier page and PDF (<c>Referrals:File</c>); safe to call more than once.</summary>
    public static IServiceCollection AddAdWatchReferrals(this IServiceCollection services, IConfiguration config)
    {
        if (services.Any(d => d.ServiceType == typeof(ReferralDirectory)))
        {
            return services;
        }
        services.AddValidatedOptions<ReferralsOptions, ReferralsOptionsValidator>(config, ReferralsOptions.Section);
        services.TryAddSingleton(sp => ReferralDirectory.Load(sp.GetRequiredService<IOptions<ReferralsOptions>>().Value.File));
        return services;
    }
}
