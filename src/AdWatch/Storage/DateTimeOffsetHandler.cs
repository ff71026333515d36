using System.Data;
using Dapper;

namespace AdWatch.Storage;

/// <summary>
/// Times are stored as BIGINT Unix milliseconds (UTC) in both databases: one type, index-friendly, no dialect
/// differences in comparisons. This handler maps them to <see cref="DateTimeOffset"/> at UTC.
/// </summary>
internal sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
{
    private static int _registered;

    public static void EnsureRegistered()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            // Dapper's built-in type map wins over handlers for parameters: without removing it, values were bound as text.
            SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
            SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
            SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
        }
    }

    public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
    {
        parameter.DbType = DbType.Int64;
        parameter.Value = value.ToUnixTimeMilliseconds();
    }

    public override DateTimeOffset Parse(object value) => value switch
    {
        long ms => DateTimeOffset.FromUnixTimeMilliseconds(ms),
        int ms => DateTimeOffset.FromUnixTimeMilliseconds(ms),
        decimal ms => DateTimeOffset.FromUnixTimeMilliseconds((long)ms),
        _ => DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)),
    };
}
