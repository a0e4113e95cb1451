using Timpora.Core.Data;

namespace Timpora.Cli;

/// <summary>The command-line verbs. Each verb is a small method; shared work lives in Core.</summary>
public static class Verbs
{
    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        switch (args.FirstOrDefault())
        {
            case "schema-script":
                return SchemaScript(args.Skip(1).ToArray(), output, error);
            case "mrz": return await MrzVerb.RunAsync(args[1..], input, output, error);
            case "screen": return await ScreenVerb.RunAsync(args[1..], input, output, error);
            case "backup": return await BackupVerb.RunAsync(args[1..], output, error);
            case "restore": return await RestoreVerb.RunAsync(args[1..], output, error);
            case "create-admin": return await CreateAdminVerb.RunAsync(args[1..], input, output, error);
            default:
                await error.WriteLineAsync("""
                    Timpora command line
                      schema-script sqlite|postgresql   print the CREATE script EF Core derives from the model,
                                                        the starting point of the next script in Schema/<provider>/
                      mrz [--today YYYY-MM-DD]          read MRZs on standard input (blank line between documents),
                                                        write one JSON object per document per line
                      screen --watchlist W.csv --queries Q.csv --out R.csv
                                                        screen people against a ban or wanted list, hits to R.csv
                      backup --out FILE                 a consistent copy of the database (files included) while the
                                                        application runs, with row counts and checksums in FILE.manifest.json
                      restore --from FILE               the backup into an EMPTY database, verified against its manifest
                                                        (both take --provider sqlite|postgresql --connection "...", else
                                                        Database__Provider and Database__ConnectionString)
                      create-admin --user NAME --email ADDRESS [--name "..."] [--password-stdin true]
                                                        the first administrator (a production start seeds no account);
                                                        the password is generated and printed once, or read from stdin
                    """);
                return 2;
        }
    }

    private static int SchemaScript(string[] args, TextWriter output, TextWriter error)
    {
        DatabaseProvider? provider = args.FirstOrDefault() switch
        {
            "sqlite" => DatabaseProvider.Sqlite,
            "postgresql" => DatabaseProvider.PostgreSql,
            _ => null,
        };
        if (provider is null)
        {
            error.WriteLine("Usage: schema-script sqlite|postgresql");
            return 2;
        }

        var connectionString = provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Host=localhost";
        using var db = DatabaseOptions.CreateContext(provider.Value, connectionString, Caller.System);
        output.Write(Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GenerateCreateScript(db.Database));
        return 0;
    }
}
