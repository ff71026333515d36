using System.Data.Common;

namespace AdWatch.Storage;

/// <summary>
/// "Column is one of a list" for a Dapper list parameter. Dapper expands <c>IN @ids</c> into one parameter per value on
/// SQLite but passes an array on PostgreSQL, where the same SQL must read <c>= ANY(@ids)</c>.
/// </summary>
internal static class SqlIn
{
    public static string List(DbConnection connection, string column, string parameter) =>
        connection is Npgsql.NpgsqlConnection ? $"{column} = ANY({parameter})" : $"{column} IN {parameter}";
}
