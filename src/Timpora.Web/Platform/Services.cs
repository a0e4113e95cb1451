using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Timpora.Core.Accounts;
using Timpora.Core.Data;
using Timpora.Web.Api.V1;
using Timpora.Web.Pages.Tips;

namespace Timpora.Web.Platform;

/// <summary>Registers the application's services. Each block is one of the framework's own seams.</summary>
public static class Services
{
    public const string SignInRateLimit = "sign-in";
    public static readonly CultureInfo[] Cultures = [new("id"), new("en")];

    public static void AddTimpora(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.Configure<TimporaOptions>(configuration.GetSection("Timpora"));
        var database = configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        var dataFolder = Path.GetFullPath(configuration["Timpora:DataFolder"] ?? "App_Data", builder.Environment.ContentRootPath);
        Directory.CreateDirectory(dataFolder);
        var connectionString = database.ConnectionString
            ?? (database.Provider == DatabaseProvider.Sqlite
                ? $"Data Source={Path.Combine(dataFolder, "timpora.db")}"
                : throw new InvalidOperationException("Database:ConnectionString is required for PostgreSQL."));
        services.AddSingleton(database);
        services.AddSingleton(TimeProvider.System);
        // SIGTERM: the group commit drains its queue and the jobs stop at a transaction boundary within this time.
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(configuration.GetValue("Timpora:ShutdownTimeoutSeconds", 30)));

        services.AddHttpContextAccessor();
        services.AddScoped<Func<Caller>>(sp =>
        {
            var http = sp.GetRequiredService<IHttpContextAccessor>();
            return () => CallerOf(http.HttpContext);
        });
        // The options depend on configuration only, so one instance serves every scope and the background
        // jobs, which build their own contexts from it (a scoped registration fails validation in Development).
        services.AddDbContext<AppDbContext>(o => DatabaseOptions.Configure(o, database.Provider, connectionString), optionsLifetime: ServiceLifetime.Singleton);
        services.AddReportingDb(database, connectionString);

        // Keys in the database: several instances behind one PostgreSQL server accept each other's cookies.
        services.AddDataProtection().PersistKeysToDbContext<AppDbContext>().SetApplicationName("Timpora");

        services.AddIdentity<AppUser, AppRole>(o =>
            {
                AccountRules.Apply(o);
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddSignInManager<Pages.Account.EqualCostSignIn>()
            .AddClaimsPrincipalFactory<ScopeClaimsFactory>();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/SignIn";
            o.LogoutPath = "/Account/SignOut";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "timpora.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.SlidingExpiration = true;
        });
        // Scope claims (offices, villages) are refreshed from the database at least this often, and a deactivated
        // account's sessions end within it (its security stamp changes, EqualCostSignIn refuses it).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        // The one-time link that lets a new person (or one whose password was reset) set a password.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = Pages.Admin.Users.PasswordLinks.Lifespan);

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.Administrator, Roles.NationalSupervisor, Roles.KanwilSupervisor, Roles.KanimOfficer, Roles.Pimpasa))
            .AddPolicy(Policies.Supervisor, p => p.RequireRole(Roles.Administrator, Roles.NationalSupervisor, Roles.KanwilSupervisor))
            .AddPolicy(Policies.Accounts, p => p.RequireAssertion(c => c.User.IsInRole(Roles.Administrator) || c.User.HasClaim(ScopeClaimsFactory.OfficeAdministratorClaim, "true")))
            .AddPolicy(Policies.Administrator, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.ProviderOperator, p => p.RequireRole(Roles.ProviderOperator))
            .AddPolicy(Policies.Reporting, p => p.RequireRole(Roles.ProviderOperator, Roles.Administrator, Roles.NationalSupervisor, Roles.KanwilSupervisor, Roles.KanimOfficer))
            .AddPolicy(Pages.Tips.TipServices.TipsPolicy, p => p.RequireRole(Pages.Tips.TipServices.TipsRoles))
            .AddPolicy(Pages.Tips.TipServices.IntakePolicy, p => p.RequireRole(Roles.Pimpasa, Roles.VillageCadre))
            .AddPolicy(Policies.Timpora, p => p.RequireRole(Roles.Administrator, Roles.NationalSupervisor, Roles.KanwilSupervisor, Roles.KanimOfficer, Roles.Pimpasa, Roles.PartnerMember))
            .AddPolicy(Policies.Office, p => p.RequireRole(Roles.Administrator, Roles.NationalSupervisor, Roles.KanwilSupervisor, Roles.KanimOfficer))
            .AddPolicy(Policies.WatchlistReaders, p => p.RequireRole(Policies.WatchlistReaderRoles));

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("id");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new QueryStringRequestCultureProvider()];
        });

        services.AddRazorPages(o =>
            {
                // Everything else needs a signed-in user through the fallback policy.
                o.Conventions.AllowAnonymousToPage("/Index");
                o.Conventions.AllowAnonymousToPage("/Error");
                o.Conventions.AllowAnonymousToPage("/Language");
                o.Conventions.AllowAnonymousToPage("/Account/SignIn");
                o.Conventions.AllowAnonymousToPage("/Account/TwoFactor");
                o.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
                o.Conventions.AllowAnonymousToPage("/Account/SetPassword");
                o.Conventions.AuthorizeFolder("/People", Policies.Staff);
                o.Conventions.AuthorizeFolder("/Foreigners", Policies.Staff);
                o.Conventions.AuthorizeFolder("/Offices", Policies.Staff);
                o.Conventions.AuthorizeFolder("/Agencies", Policies.Staff);
                o.Conventions.AuthorizePage("/Agencies/Agency", Policies.Administrator);
                o.Conventions.AuthorizePage("/Agencies/Unit", Policies.Accounts);
                o.Conventions.AuthorizeFolder("/GuestReports", Policies.Reporting);
                o.Conventions.AuthorizePage("/GuestReports/CheckIn", Policies.ProviderOperator);
                o.Conventions.AuthorizePage("/GuestReports/CheckOut", Policies.ProviderOperator);
                o.Conventions.AuthorizePage("/GuestReports/Upload", Policies.ProviderOperator);
                o.Conventions.AuthorizeFolder("/Audit", Policies.Supervisor);
                // Every administration page is the national administrator's, except the accounts, which office
                // administrators manage inside their own office (AccountAdministration says which).
                o.Conventions.AddFolderApplicationModelConvention("/Admin", page =>
                {
                    if (!page.ViewEnginePath.StartsWith("/Admin/Users/", StringComparison.Ordinal))
                    {
                        page.EndpointMetadata.Add(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute(Policies.Administrator));
                    }
                });
                o.Conventions.AuthorizeFolder("/Admin/Users", Policies.Accounts);
                o.Conventions.AuthorizeFolder("/Providers", Policies.Staff);
                o.Conventions.AllowAnonymousToPage("/Providers/Register");
                o.Conventions.AllowAnonymousToPage("/Providers/Registered");
                // The registration form's area picker: the Kemendagri area codes are public reference data.
                o.Conventions.AllowAnonymousToPage("/Areas/Picker");
                o.Conventions.AuthorizeFolder("/Provider", Policies.ProviderOperator);
                o.Conventions.AuthorizeFolder("/Watchlists", Policies.WatchlistReaders);
                o.Conventions.AuthorizePage("/Watchlists/Entry", Policies.Supervisor);
                o.Conventions.AuthorizePage("/Watchlists/Import", Policies.Supervisor);
                o.Conventions.AuthorizePage("/Watchlists/Lists", Policies.Administrator);
                // A hit shows the listed entry it matched: the same readers as the lists.
                o.Conventions.AuthorizeFolder("/Screening", Policies.WatchlistReaders);
                o.Conventions.AuthorizeFolder("/Tips", Pages.Tips.TipServices.TipsPolicy);
                o.Conventions.AuthorizePage("/Tips/Intake", Pages.Tips.TipServices.IntakePolicy);
                o.Conventions.AllowAnonymousToPage("/Tips/Report");
                o.Conventions.AllowAnonymousToPage("/Tips/Receipt");
                o.Conventions.AllowAnonymousToPage("/Tips/Status");
                foreach (var folder in new[] { "/Teams", "/Meetings", "/ActionItems" })
                {
                    o.Conventions.AuthorizeFolder(folder, Policies.Timpora);
                }

                o.Conventions.AuthorizeFolder("/Sanctions", Policies.Staff);
                o.Conventions.AuthorizeFolder("/Villages", Policies.Staff);
                o.Conventions.AuthorizeFolder("/Villages/Officers", Policies.Office);
                o.Conventions.AuthorizeFolder("/Operations", Policies.Staff);
            })
            .AddMvcOptions(o => o.Filters.Add(new PageRequestRules()))
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddAntiforgery(o => o.HeaderName = "X-CSRF-TOKEN");

        services.AddTimporaHealth();
        services.AddTimporaForwardedHeaders(configuration);
        builder.AddTimporaTelemetry(database.Provider);
        services.AddHttpLogging(o =>
        {
            o.LoggingFields = Microsoft.AspNetCore.HttpLogging.HttpLoggingFields.RequestMethod
                | Microsoft.AspNetCore.HttpLogging.HttpLoggingFields.RequestPath
                | Microsoft.AspNetCore.HttpLogging.HttpLoggingFields.ResponseStatusCode
                | Microsoft.AspNetCore.HttpLogging.HttpLoggingFields.Duration;
            o.CombineLogs = true;
        });
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.AddJsonConsole();
        }

        var signInPermits = configuration.GetValue("Timpora:SignInPermitsPerMinute", 20);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = signInPermits, Window = TimeSpan.FromMinutes(1) }));
        });
        services.AddApiV1(configuration);
        services.AddTips(configuration);
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.AddScoped<OfficeClock>();
        services.AddScoped<Pages.Home.MyWork>();
        services.AddScoped<NavigationMenu>();
        services.AddScoped<ListedRecords>();
        services.AddScoped<Pages.Admin.Users.AccountEditing>();
        services.AddScoped<Pages.Admin.Users.PasswordLinks>();
        services.AddScoped<Core.Files.FileStore>();
        services.AddSingleton<Jobs.LegacyFileImport>();
        services.AddHostedService(sp => sp.GetRequiredService<Jobs.LegacyFileImport>());
        services.AddHostedService<Jobs.BulkImportWorker>();
        services.AddHostedService<Jobs.DailyDigestWorker>();
        services.AddHostedService<Jobs.IdempotencyCleanupWorker>();
        services.AddSingleton<Jobs.LiveWatchlist>();
        services.AddSingleton<Jobs.ScreeningWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<Jobs.ScreeningWorker>());
        services.AddSingleton<Api.V1.CheckInBatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<Api.V1.CheckInBatcher>());
    }

    private static Caller CallerOf(HttpContext? context)
    {
        if (context?.User.Identity?.IsAuthenticated != true)
        {
            return new Caller(null, "anonymous", context?.Connection.RemoteIpAddress?.ToString(), DataScope.Nothing);
        }

        if (context.Items[typeof(Caller)] is Caller known)
        {
            return known;
        }

        var user = context.User;
        return (Caller)(context.Items[typeof(Caller)] = new Caller(
            user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value,
            user.Identity.Name ?? "?",
            context.Connection.RemoteIpAddress?.ToString(),
            DataScope.From(user)))!;
    }
}

public static class Policies
{
    public const string Staff = "staff";
    public const string Supervisor = "supervisor";
    public const string Administrator = "administrator";

    /// <summary>/Admin/Users: the national administrator and office administrators.</summary>
    public const string Accounts = "accounts";
    public const string ProviderOperator = "provider-operator";

    /// <summary>Guest reports: the provider's operators, and the offices that supervise them.</summary>
    public const string Reporting = "reporting";

    /// <summary>Timpora teams, meetings and action items: staff and partner-agency members.</summary>
    public const string Timpora = "timpora";

    /// <summary>The immigration offices themselves (Kanim, Kanwil, administrators), without PIMPASA.</summary>
    public const string Office = "office";

    /// <summary>Who reads watchlists and their screening hits (ADR 0032): the Kanim's officers, the Kanwil, the
    /// national supervisor and the administrator. A PIMPASA officer works in villages and a partner member in another
    /// agency: neither reads the national list. Writing entries is the supervisors' (<see cref="Supervisor"/>).</summary>
    public const string WatchlistReaders = "watchlist-readers";

    public static readonly string[] WatchlistReaderRoles = [Roles.Administrator, Roles.NationalSupervisor, Roles.KanwilSupervisor, Roles.KanimOfficer];
}
