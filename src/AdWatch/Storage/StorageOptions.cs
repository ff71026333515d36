using System.ComponentModel.DataAnnotations;

namespace AdWatch.Storage;

/// <summary>Where AdWatch keeps its data. Section <c>Storage</c> in adwatch.json.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary><c>sqlite</c> (embedded default, one process) or <c>postgres</c> (several processes or machines).</summary>
    [Required, RegularExpression("^(sqlite|postgres)$", ErrorMessage = "Storage:Provider must be 'sqlite' or 'postgres'.")]
    public string Provider { get; set; } = "sqlite";

    /// <summary>SQLite database file, relative to the working directory. Created on first use. <c>--db PATH</c> overrides it.</summary>
    public string DatabasePath { get; set; } = "data/adwatch.db";

    /// <summary>Npgsql connection string, used when <see cref="Provider"/> is <c>postgres</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>True when <see cref="Provider"/> is <c>postgres</c>.</summary>
    public bool IsPostgres => string.Equals(Provider, "postgres", StringComparison.OrdinalIgnoreCase);
}
