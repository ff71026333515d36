using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AdWatch.Accounts;

public static class AccountsServiceCollectionExtensions
{
    /// <summary>The dashboard's accounts, their organisations and the one-time set-up tokens. Needs storage and a <see cref="TimeProvider"/>.</summary>
    public static IServiceCollection AddAdWatchAccounts(this IServiceCollection services, IConfiguration config)
    {
        services.AddValidatedOptions<AccountsOptions, AccountsOptionsValidator>(config, AccountsOptions.Section);
        services.TryAddSingleton<Organisations>();
        services.TryAddSingleton<UserStore>();
        services.TryAddSingleton<SetupTokenStore>();
        return services;
    }
}
