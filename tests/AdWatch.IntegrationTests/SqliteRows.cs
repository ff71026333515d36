using Microsoft.Data.Sqlite;

namespace AdWatch.IntegrationTests;

/// <summary>Reads the first column of a query, as strings, from a SQLite file another process wrote (no pooling: no lock left behind).</summary>
internal static class SqliteRows
{
    public static List<string> Read(string databasePath, string sql)
    {
        using var c = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }
        return rows;
    }
}
