using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AdWatch;

/// <summary>
/// The one way AdWatch registers settings: bound from a configuration section, checked at start by a validator that the
/// options source generator writes from the DataAnnotations on the options class (<c>[OptionsValidator]</c>, cross-field
/// rules through <see cref="System.ComponentModel.DataAnnotations.IValidatableObject"/>). Every message names the
/// setting as the user writes it (<c>Jobs:WorkerCount must be …</c>). Each binding is also recorded as a <see cref="BoundSection"/>,
/// from which the host knows every valid key (an unknown one is an error). The generated validator ignores a DataAnnotations
/// attribute's <c>ErrorMessage</c> (it reports "The field WorkerCount must be between …"), so ranges and required values are
/// checked in <c>Validate</c> with <see cref="Between"/> and <see cref="Required"/>, which name the setting.
/// </summary>
public static class ValidatedOptions
{
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services,
        IConfiguration config, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        services.AddSingleton(new BoundSection(section, typeof(TOptions)));
        return services.AddOptions<TOptions>().Bind(config.GetSection(section)).ValidateOnStart();
    }

    /// <summary>A problem when <paramref name="value"/> lies outside [min, max]: "Section:Key must be between min and max."</summary>
    public static System.ComponentModel.DataAnnotations.ValidationResult? Between<T>(string setting, T value, T min, T max)
        where T : IComparable<T> =>
        value.CompareTo(min) < 0 || value.CompareTo(max) > 0
            ? new($"{setting} must be between {min} and {max} (it is {value}).")
            : null;

    /// <summary>A problem when <paramref name="value"/> is empty: "Section:Key must not be empty; hint".</summary>
    public static System.ComponentModel.DataAnnotations.ValidationResult? Required(string setting, string? value, string hint) =>
        string.IsNullOrWhiteSpace(value) ? new($"{setting} must not be empty: {hint}") : null;
}
