using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Timpora.Core.Accounts;
using Timpora.Core.Data;
using Timpora.Core.Demo;

[assembly: AssemblyFixture(typeof(Timpora.Tests.TestApp))]

namespace Timpora.Tests;

/// <summary>The application under test, started once per test run on the database the test command chose:
/// TIMPORA_TEST_PROVIDER=sqlite (default) or postgresql, with TIMPORA_TEST_PG the server's connection string.
/// Tests share the database and make their own uniquely named data, so they run in parallel without resets.</summary>
public sealed class TestApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("timpora-test-").FullName;

    public TestApp()
    {
        Provider = Environment.GetEnvironmentVariable("TIMPORA_TEST_PROVIDER") == "postgresql" ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite;
        ConnectionString = Provider == DatabaseProvider.Sqlite
            ? $"Data Source={Path.Combine(folder, "timpora.db")}"
            : NewPostgresDatabase("timpora_test");
        if (Provider == DatabaseProvider.PostgreSql && Environment.GetEnvironmentVariable("TIMPORA_TEST_PG_REPLICA") is { } replica)
        {
            // Each commit returns once the replica has applied it, so a list read right after a test's write shows it.
            var primary = new NpgsqlConnectionStringBuilder(ConnectionString) { Options = "-c synchronous_commit=remote_apply" };
            ConnectionString = primary.ConnectionString;
            ReplicaConnectionString = new NpgsqlConnectionStringBuilder(replica) { Database = primary.Database }.ConnectionString;
        }
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The streaming replica of the test database that the test command starts (TIMPORA_TEST_PG_REPLICA,
    /// ADR 0027): lists, reports and exports read from it. Without it they read the primary.</summary>
    public string? ReplicaConnectionString { get; }

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("TIMPORA_TEST_PG") ?? "Host=127.0.0.1;Port=55432;Username=postgres";

    /// <summary>Creates an empty PostgreSQL database with a unique name and returns its connection string.</summary>
    public static string NewPostgresDatabase(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..40];
        using var connection = new NpgsqlConnection(ServerConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE {name}";
        command.ExecuteNonQuery();
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // As in Development: CSS and JavaScript (and their build-time Brotli and gzip) from the build's manifest.
        builder.UseStaticWebAssets();
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("Database:ConnectionString", ConnectionString);
        builder.UseSetting("Database:SeedDemoData", "true");
        if (ReplicaConnectionString is not null)
        {
            builder.UseSetting("Database:ReplicaConnectionString", ReplicaConnectionString);
        }

        builder.UseSetting("Timpora:DataFolder", folder);
        builder.UseSetting("Timpora:SignInPermitsPerMinute", "100000");
        builder.UseSetting("Timpora:Tips:ReportsPerHour", "100000");
        builder.UseSetting("Timpora:Tips:LookupsPerHour", "100000");
    }

    public async ValueTask InitializeAsync()
    {
        // Starts the host: schema, areas and demo data are prepared once for the whole run.
        using var client = CreateClient();
        (await client.GetAsync(new Uri("/health", UriKind.Relative))).EnsureSuccessStatusCode();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow shutdown; the temp folder is cleaned by the OS.
        }
    }

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A client signed in as <paramref name="userName"/>, following no redirects.</summary>
    public async Task<HttpClient> SignInAsync(string userName, string password = DemoData.Password)
    {
        var client = Anonymous();
        var response = await PostFormAsync(client, "/Account/SignIn", new() { ["Input.UserName"] = userName, ["Input.Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in of {userName} failed: {(int)response.StatusCode}");
        return client;
    }

    /// <summary>Creates a user with a unique name in <paramref name="role"/> for the given office.</summary>
    public async Task<string> CreateUserAsync(string role, string? kanim = null, string[]? villages = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        int? kanimId = kanim is null ? null : await db.Kanims.Where(k => k.Name.Contains(kanim)).Select(k => k.Id).SingleAsync();
        int? kanwilId = kanimId is null ? null : await db.Kanims.Where(k => k.Id == kanimId).Select(k => k.KanwilId).SingleAsync();
        var name = "t" + Guid.NewGuid().ToString("N")[..12];
        var user = new AppUser
        {
            UserName = name,
            Email = name + "@test.timpora",
            DisplayName = name,
            KanimId = kanimId,
            KanwilId = kanwilId,
            Villages = [.. (villages ?? []).Select(v => new PimpasaVillage { UserId = "", VillageCode = v })],
        };
        Assert.True((await users.CreateAsync(user, DemoData.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return name;
    }

    /// <summary>A context that sees everything, for arranging and checking data directly.</summary>
    public AppDbContext SystemDb() => DatabaseOptions.CreateContext(Provider, ConnectionString, Caller.System);

    public static async Task<IHtmlDocument> HtmlAsync(HttpResponseMessage response) =>
        await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    public static async Task<IHtmlDocument> GetHtmlAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await HtmlAsync(response);
    }

    /// <summary>Posts a form the way a browser does: reads the page first for its antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await GetHtmlAsync(client, formPage ?? url);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {formPage ?? url}");
        fields["__RequestVerificationToken"] = token;
        return await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(fields));
    }
}
