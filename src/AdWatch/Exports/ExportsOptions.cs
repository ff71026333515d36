using System.ComponentModel.DataAnnotations;
using AdWatch.Exports.Webhooks;
using AdWatch.Exports.Zgw;
using Microsoft.Extensions.Options;

namespace AdWatch.Exports;

/// <summary>Exports of leads to the case system and to files. Section <c>Exports</c>.</summary>
public sealed class ExportsOptions : IValidatableObject
{
    public const string Section = "Exports";

    /// <summary>The ZGW case system (Zaken + Documenten API). Off while <c>ZakenApiUrl</c> is empty.</summary>
    public ZgwOptions Zgw { get; set; } = new();

    /// <summary>A signed webhook (Standard Webhooks). Off while <c>Url</c> is empty.</summary>
    public WebhookOptions Webhook { get; set; } = new();

    /// <summary>Attempts of one export job before it stays <c>failed</c> (the first run counts).</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>Waits before the 2nd, 3rd, … attempt; the last one repeats for further attempts.</summary>
    public List<TimeSpan> RetryDelays { get; set; } = [];

    /// <summary>The delays in force: <see cref="RetryDelays"/>, or 1, 5, 15, 60 and 240 minutes.</summary>
    public IReadOnlyList<TimeSpan> EffectiveRetryDelays => RetryDelays.Count > 0 ? RetryDelays
        : [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), TimeSpan.FromHours(4)];

    /// <summary>Author (<c>auteur</c>) of the dossier document in the case system.</summary>
    public string DocumentAuthor { get; set; } = "AdWatch (geautomatiseerd)";

    /// <summary>Problems, each naming its setting.</summary>
    public IEnumerable<string> Validate()
    {
        if (MaxAttempts is < 1 or > 50)
        {
            yield return "Exports:MaxAttempts must be between 1 and 50.";
        }
        if (RetryDelays.Any(d => d < TimeSpan.Zero || d > TimeSpan.FromDays(2)))
        {
            yield return "Exports:RetryDelays must each be between 0 and 2 days.";
        }
        if (string.IsNullOrWhiteSpace(DocumentAuthor) || DocumentAuthor.Length > 200)
        {
            yield return "Exports:DocumentAuthor must be 1 to 200 characters.";
        }
        foreach (var problem in Zgw.Validate().Concat(Webhook.Validate()))
        {
            yield return problem;
        }
    }

    IEnumerable<ValidationResult> IValidatableObject.Validate(ValidationContext validationContext) =>
        Validate().Select(problem => new ValidationResult(problem));
}

/// <summary>Checks <see cref="ExportsOptions"/> and its nested sections at start; every message names its setting.</summary>
[OptionsValidator]
public sealed partial class ExportsOptionsValidator : IValidateOptions<ExportsOptions>;
