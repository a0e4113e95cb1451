using System.Threading.RateLimiting;
using Timpora.Core.Accounts;

namespace Timpora.Web.Pages.Tips;

/// <summary>The "Timpora:Tips" configuration section.</summary>
public sealed class TipOptions
{
    /// <summary>Reports one address may send per hour before the form asks it to wait.</summary>
    public int ReportsPerHour { get; set; } = 10;

    /// <summary>Status look-ups (right or wrong) one address may make per hour, so that codes cannot be enumerated.</summary>
    public int LookupsPerHour { get; set; } = 30;
}

/// <summary>The "Timpora:Smtp" configuration section; email is off while no host is set.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string From { get; set; } = "timpora@localhost";
    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>Per-address limits the public pages check themselves, so that a refused report comes back as the form
/// with everything typed still in it and a message, instead of a bare 429 page.</summary>
public sealed class TipRateLimits(TipOptions options) : IDisposable
{
    public PartitionedRateLimiter<string> Reports { get; } = PerHour(options.ReportsPerHour);

    public PartitionedRateLimiter<string> Lookups { get; } = PerHour(options.LookupsPerHour);

    public void Dispose()
    {
        Reports.Dispose();
        Lookups.Dispose();
    }

    private static PartitionedRateLimiter<string> PerHour(int permits) => PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits),
            Window = TimeSpan.FromHours(1),
            QueueLimit = 0,
        }));
}

public static class TipServices
{
    public const string TipsPolicy = "tips";
    public const string IntakePolicy = "tips-intake";

    public static readonly string[] TipsRoles =
        [Roles.Administrator, Roles.KanwilSupervisor, Roles.KanimOfficer, Roles.Pimpasa, Roles.PartnerMember, Roles.VillageCadre];

    public static void AddTips(this IServiceCollection services, IConfiguration configuration)
    {
        var tips = configuration.GetSection("Timpora:Tips").Get<TipOptions>() ?? new TipOptions();
        services.AddSingleton(tips);
        services.AddSingleton(configuration.GetSection("Timpora:Smtp").Get<SmtpOptions>() ?? new SmtpOptions());
        services.AddMemoryCache();
        services.AddSingleton<TipRateLimits>();
        services.AddScoped<TipFiling>();
        services.AddHostedService<Jobs.TipDueWorker>();
        services.AddHostedService<Jobs.OutboxEmailWorker>();
        services.AddHostedService<Jobs.StagedPhotoCleanupWorker>();
    }
}
