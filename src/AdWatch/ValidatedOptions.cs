using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AdWatch;

/// <summary>
/// The one way AdWatch registers settings: bound from a configuration section, checked at start by a validator that the
/// options source generator writes from the DataAnnotations on the options class (<c>[OptionsValidator]</c>, cross-field
/// rules through <see cref="System.ComponentModel.DataAnnotations.IValidatableObject"/>). Every message names the
/// setting as the user writes it (<c>Jobs:WorkerCount must be …</c>).
/// </summary>
public static class ValidatedOptions
{
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services,
        IConfiguration config, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        return services.AddOptions<TOptions>().Bind(config.GetSection(section)).ValidateOnStart();
    }
}
