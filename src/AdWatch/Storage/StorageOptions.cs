using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AdWatch.Storage;

/// <summary>Where AdWatch keeps its data. Section <c>Storage</c> in adwatch.json.</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string Section = "Storage";

    /// <summary><c>sqlite</c> (embedded default, one process) or <c>postgres</c> (several processes or machines).</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>SQLite database file, relative to the working directory. Created on first use. <c>--db PATH</c> overrides it.</summary>
    public string DatabasePath { get; set; } = "data/adwatch.db";

    /// <summary>Npgsql connection string, used when <see cref="Provider"/> is <c>postgres</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>True when <see cref="Provider"/> is <c>postgres</c>.</summary>
    public bool IsPostgres => string.Equals(Provider, "postgres", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsPostgres && !string.Equals(Provider, "sqlite", StringComparison.OrdinalIgnoreCase))
        {
            yield return new ValidationResult($"Storage:Provider must be 'sqlite' or 'postgres' (it is '{Provider}').");
        }
        if (IsPostgres && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult("Storage:ConnectionString is required when Storage:Provider is 'postgres'.");
        }
        if (!IsPostgres && string.IsNullOrWhiteSpace(DatabasePath))
        {
            yield return new ValidationResult("Storage:DatabasePath must name a file when Storage:Provider is 'sqlite'.");
        }
    }
}

/// <summary>Checks <see cref="StorageOptions"/> at start (generated from its DataAnnotations).</summary>
[OptionsValidator]
public sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>;
