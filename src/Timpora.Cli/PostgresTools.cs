using System.Diagnostics;
using Npgsql;

namespace Timpora.Cli;

/// <summary>PostgreSQL's own dump and restore programs, run with the connection passed in the environment
/// (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE, PGSSLMODE), so that no password appears on a command line
/// that every user of the machine can read in the process list.</summary>
public static class PostgresTools
{
    /// <summary>The program from the newest <c>/usr/lib/postgresql/&lt;version&gt;/bin</c> (Debian's layout; a
    /// dump tool must be at least as new as the server), else from PATH.</summary>
    public static string? Find(string program)
    {
        const string debian = "/usr/lib/postgresql";
        var versioned = Directory.Exists(debian)
            ? Directory.GetDirectories(debian)
                .Select(d => (Version: int.TryParse(Path.GetFileName(d), out var v) ? v : -1, Path: Path.Combine(d, "bin", program)))
                .Where(d => d.Version >= 0 && File.Exists(d.Path))
                .OrderByDescending(d => d.Version)
                .Select(d => d.Path)
                .FirstOrDefault()
            : null;
        return versioned ?? (System.Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, program))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>Runs <paramref name="program"/> against the database of <paramref name="connectionString"/>;
    /// returns its exit code and what it wrote to standard error.</summary>
    public static async Task<(int ExitCode, string Errors)> RunAsync(
        string program, IEnumerable<string> arguments, string connectionString, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in LibpqEnvironment(connectionString))
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, ((await errors) + (await output)).Trim());
    }

    /// <summary>The libpq environment equivalent to an Npgsql connection string.</summary>
    public static IEnumerable<(string Name, string Value)> LibpqEnvironment(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Host is { } host)
        {
            yield return ("PGHOST", host);
        }

        yield return ("PGPORT", builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (builder.Username is { } user)
        {
            yield return ("PGUSER", user);
        }

        if (builder.Password is { } password)
        {
            yield return ("PGPASSWORD", password);
        }

        if (builder.Database is { } database)
        {
            yield return ("PGDATABASE", database);
        }

        yield return ("PGSSLMODE", builder.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        });
        yield return ("PGAPPNAME", "timpora-cli");
    }
}
