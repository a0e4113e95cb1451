using Microsoft.Data.Sqlite;
using Timpora.Core.Data;

namespace Timpora.Cli;

/// <summary>The database a maintenance verb works on, taken from the same settings as the web application:
/// <c>--provider sqlite|postgresql</c> and <c>--connection "..."</c>, or else the environment's
/// <c>Database__Provider</c> and <c>Database__ConnectionString</c>; SQLite defaults to <c>timpora.db</c> in
/// <c>Timpora__DataFolder</c> (<c>App_Data</c>), as the web application does.</summary>
public sealed record DatabaseTarget(DatabaseProvider Provider, string ConnectionString)
{
    public const string Usage = "[--provider sqlite|postgresql] [--connection \"...\"]   (default: Database__Provider, Database__ConnectionString)";

    /// <summary>Reads the two options out of <paramref name="options"/>, removing them; null with a message when
    /// they make no sense.</summary>
    public static DatabaseTarget? From(Dictionary<string, string> options, TextWriter error)
    {
        var providerText = Take(options, "--provider") ?? Environment.GetEnvironmentVariable("Database__Provider") ?? "sqlite";
        DatabaseProvider? provider = providerText.ToUpperInvariant() switch
        {
            "SQLITE" => DatabaseProvider.Sqlite,
            "POSTGRESQL" or "POSTGRES" => DatabaseProvider.PostgreSql,
            _ => null,
        };
        if (provider is null)
        {
            error.WriteLine($"Unknown database provider '{providerText}': use sqlite or postgresql.");
            return null;
        }

        var connection = Take(options, "--connection") ?? Environment.GetEnvironmentVariable("Database__ConnectionString");
        if (connection is null && provider == DatabaseProvider.PostgreSql)
        {
            error.WriteLine("PostgreSQL needs a connection string: --connection \"Host=...;Database=...\" or Database__ConnectionString.");
            return null;
        }

        connection ??= $"Data Source={Path.Combine(Path.GetFullPath(Environment.GetEnvironmentVariable("Timpora__DataFolder") ?? "App_Data"), "timpora.db")}";
        return new DatabaseTarget(provider.Value, connection);
    }

    /// <summary>The SQLite file, as a full path.</summary>
    public string SqliteFile => Path.GetFullPath(new SqliteConnectionStringBuilder(ConnectionString).DataSource);

    public string Describe()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            return $"SQLite database {SqliteFile}";
        }

        var builder = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL database {builder.Database ?? "(default)"} on {builder.Host}:{builder.Port}";
    }

    /// <summary>Parses <c>--name value</c> pairs; null (after a message) on anything else.</summary>
    public static Dictionary<string, string>? Options(string[] args, TextWriter error, string usage)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                error.WriteLine(usage);
                return null;
            }

            options[args[i]] = args[++i];
        }

        return options;
    }

    private static string? Take(Dictionary<string, string> options, string name) =>
        options.Remove(name, out var value) ? value : null;
}
