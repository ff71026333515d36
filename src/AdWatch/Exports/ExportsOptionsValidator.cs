using Microsoft.Extensions.Options;

namespace AdWatch.Exports;

/// <summary>Validates <see cref="ExportsOptions"/> and its nested sections at start; every message names its setting.</summary>
public sealed class ExportsOptionsValidator : IValidateOptions<ExportsOptions>
{
    public ValidateOptionsResult Validate(string? name, ExportsOptions options)
    {
        var problems = options.Validate().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
