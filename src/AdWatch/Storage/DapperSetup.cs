using System.Data;
using Dapper;

namespace AdWatch.Storage;

/// <summary>
/// Dapper settings shared by every store: snake_case columns map to PascalCase properties, and times are stored as
/// BIGINT Unix milliseconds (UTC) in both databases — one type, index-friendly, no dialect differences in comparisons.
/// </summary>
internal static class DapperSetup
{
    private static int _done;

    public static void EnsureConfigured()
    {
        if (Interlocked.Exchange(ref _done, 1) == 0)
        {
            DefaultTypeMap.MatchNamesWithUnderscores = true;
            // Dapper maps DateTimeOffset parameters itself unless the built-in mapping is removed first.
            SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
            SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
            SqlMapper.AddTypeHandler(new UnixMillisecondsHandler());
        }
    }

    private sealed class UnixMillisecondsHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            parameter.DbType = DbType.Int64;
            parameter.Value = value.ToUnixTimeMilliseconds();
        }

        public override DateTimeOffset Parse(object value) =>
            DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
    }
}
