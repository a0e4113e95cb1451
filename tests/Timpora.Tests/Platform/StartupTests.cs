using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Timpora.Core.Accounts;
using Timpora.Core.Data;
using Timpora.Core.Demo;
using Timpora.Core.Tips;

namespace Timpora.Tests.Platform;

/// <summary>Starting on an empty database: several instances at once, a start killed half-way, and Production.</summary>
public sealed class StartupTests(TestApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly string AreaFolder = Path.Combine(AppContext.BaseDirectory, "AreaData");

    [Fact]
    public async Task Start_TwoHostsAtOnceOnAnEmptyDatabase_BothServeAndSeedOnce()
    {
        var connectionString = EmptyDatabase();
        await using var first = Host(connectionString);
        await using var second = Host(connectionString);

        // Each CreateClient starts its host: the schema upgrade, the ~91,000 areas and the demo seed race.
        var clients = await Task.WhenAll(Task.Run(() => first.CreateClient(), Token), Task.Run(() => second.CreateClient(), Token));
        foreach (var client in clients)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health", UriKind.Relative), Token)).StatusCode);
            var signIn = await TestApp.PostFormAsync(client, "/Account/SignIn", new() { ["Input.UserName"] = "kupang", ["Input.Password"] = DemoData.Password });
            Assert.NotEqual(HttpStatusCode.InternalServerError, signIn.StatusCode);
        }

        await using var db = DatabaseOptions.CreateContext(app.Provider, connectionString, Caller.System);
        Assert.Equal(2, await db.Kanwils.CountAsync(Token));
        Assert.Equal(await db.KanimWorkingAreas.Select(w => w.RegencyCode).Distinct().CountAsync(Token), await db.KanimWorkingAreas.CountAsync(Token));
        Assert.Equal(DemoData.Accounts.Count, await db.Users.CountAsync(Token));
        Assert.True(await db.Areas.CountAsync(Token) > 90_000);
    }

    [Fact]
    public async Task Seed_InterruptedHalfWay_LeavesNothingAndTheNextStartSeeds()
    {
        var connectionString = EmptyDatabase();

        await using (var broken = Context(connectionString, new FailOnTips()))
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => PrepareAsync(broken));
        }

        await using (var db = Context(connectionString))
        {
            // The areas are their own step and stay; the demo seed is all or nothing.
            Assert.True(await db.Areas.CountAsync(Token) > 90_000);
            Assert.Equal(0, await db.Kanwils.CountAsync(Token));
            Assert.Equal(0, await db.Users.CountAsync(Token));
            Assert.Equal(0, await db.Foreigners.CountAsync(Token));
        }

        await using (var db = Context(connectionString))
        {
            var outcome = await PrepareAsync(db);
            Assert.True(outcome.DemoSeeded);
        }

        await using (var db = Context(connectionString))
        {
            Assert.Equal(2, await db.Kanwils.CountAsync(Token));
            Assert.Equal(DemoData.Accounts.Count, await db.Users.CountAsync(Token));
            Assert.True(await db.Tips.AnyAsync(Token));
        }
    }

    [Fact]
    public async Task Start_InProductionOnAnEmptyDatabase_CreatesNoAccount()
    {
        var connectionString = EmptyDatabase();
        await using var host = Host(connectionString, environment: "Production", seedDemoData: "");
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health", UriKind.Relative), Token)).StatusCode);

        var signIn = await TestApp.PostFormAsync(client, "/Account/SignIn", new() { ["Input.UserName"] = "admin", ["Input.Password"] = DemoData.Password });
        Assert.NotEqual(HttpStatusCode.Redirect, signIn.StatusCode);
        await using var db = DatabaseOptions.CreateContext(app.Provider, connectionString, Caller.System);
        Assert.Equal(0, await db.Users.CountAsync(Token));
        Assert.Equal(0, await db.Kanwils.CountAsync(Token));
        Assert.Equal(Roles.All.Count, await db.Roles.CountAsync(Token));
    }

    [Fact]
    public async Task Start_InProductionWithSeedDemoDataTrue_SeedsTheDemo()
    {
        var connectionString = EmptyDatabase();
        await using var host = Host(connectionString, environment: "Production", seedDemoData: "true");
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var signIn = await TestApp.PostFormAsync(client, "/Account/SignIn", new() { ["Input.UserName"] = "admin", ["Input.Password"] = DemoData.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task CreateAdmin_OnAProductionDatabaseWithNoAccount_MakesAnAdministratorWhoCanSignIn()
    {
        var connectionString = EmptyDatabase();
        await using var host = Host(connectionString, environment: "Production", seedDemoData: "");
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var provider = app.Provider == DatabaseProvider.PostgreSql ? "postgresql" : "sqlite";

        var output = new StringWriter();
        var code = await Timpora.Cli.Verbs.RunAsync(
            ["create-admin", "--user", "kepala.it", "--email", "it@kanim.test", "--provider", provider, "--connection", connectionString],
            TextReader.Null, output, TextWriter.Null);
        Assert.Equal(0, code);
        var password = output.ToString().Split(": ")[^1].Trim();
        var again = await Timpora.Cli.Verbs.RunAsync(
            ["create-admin", "--user", "kepala.it", "--email", "it2@kanim.test", "--provider", provider, "--connection", connectionString],
            TextReader.Null, TextWriter.Null, TextWriter.Null);
        Assert.Equal(1, again);

        var signIn = await TestApp.PostFormAsync(client, "/Account/SignIn", new() { ["Input.UserName"] = "kepala.it", ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/Admin/Roles", UriKind.Relative), Token)).StatusCode);
    }

    private WebApplicationFactory<Program> Host(string connectionString, string environment = "Testing", string seedDemoData = "true")
    {
        var folder = Directory.CreateTempSubdirectory("timpora-startup-").FullName;
        return app.WithWebHostBuilder(b => b
            .UseEnvironment(environment)
            .UseSetting("Database:ConnectionString", connectionString)
            .UseSetting("Database:ReplicaConnectionString", "")
            .UseSetting("Database:SeedDemoData", seedDemoData)
            .UseSetting("Timpora:DataFolder", folder));
    }

    private string EmptyDatabase() => app.Provider == DatabaseProvider.PostgreSql
        ? TestApp.NewPostgresDatabase("timpora_start")
        : $"Data Source={Path.Combine(Directory.CreateTempSubdirectory("timpora-startup-").FullName, "timpora.db")}";

    private AppDbContext Context(string connectionString, params IInterceptor[] interceptors)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseOptions.Configure(builder, app.Provider, connectionString);
        builder.AddInterceptors(interceptors);
        return new AppDbContext(builder.Options, Caller.System, TimeProvider.System);
    }

    private async Task<DatabasePreparation.Outcome> PrepareAsync(AppDbContext db)
    {
        await using var scope = app.Services.CreateAsyncScope();
        using var users = ActivatorUtilities.CreateInstance<UserManager<AppUser>>(scope.ServiceProvider, new UserStore<AppUser, AppRole, AppDbContext>(db));
        using var roles = ActivatorUtilities.CreateInstance<RoleManager<AppRole>>(scope.ServiceProvider, new RoleStore<AppRole, AppDbContext>(db));
        return await DatabasePreparation.PrepareAsync(db, users, roles, AreaFolder, seedDemo: true, DateTime.UtcNow, Token);
    }

    /// <summary>Stands for a start killed late in the demo seed: the tips come after the register, the accounts and
    /// the Timpora meetings.</summary>
    private sealed class FailOnTips : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            eventData.Context!.ChangeTracker.Entries<Tip>().Any()
                ? throw new InvalidOperationException("killed")
                : base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}
