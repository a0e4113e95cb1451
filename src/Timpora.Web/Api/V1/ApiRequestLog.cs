using System.Diagnostics;

namespace Timpora.Web.Api.V1;

/// <summary>The request log of the API (ADR 0016): a property management system may send thousands of check-ins a
/// second, so answered requests are counted and summed up once a minute, while every refused or failed one still
/// gets its own line (method, path, status, duration) as the pages' request log writes it.</summary>
public sealed partial class ApiRequestLog(ILogger<ApiRequestLog> logger, TimeProvider clock) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    private long answered;
    private long refused;
    private long failed;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        catch
        {
            // Answered as a 500 problem by the exception handler further out.
            Count(context, StatusCodes.Status500InternalServerError, Stopwatch.GetElapsedTime(start));
            throw;
        }

        Count(context, context.Response.StatusCode, Stopwatch.GetElapsedTime(start));
    }

    private void Count(HttpContext context, int status, TimeSpan duration)
    {
        if (status < 400)
        {
            Interlocked.Increment(ref answered);
            return;
        }

        Interlocked.Increment(ref (status < 500 ? ref refused : ref failed));
        LogRefused(logger, context.Request.Method, context.Request.Path, status, duration.TotalMilliseconds);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            Flush();
        }
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        Flush();
        return base.StopAsync(cancellationToken);
    }

    private void Flush()
    {
        var (ok, bad, broken) = (Interlocked.Exchange(ref answered, 0), Interlocked.Exchange(ref refused, 0), Interlocked.Exchange(ref failed, 0));
        if (ok + bad + broken > 0)
        {
            LogSummary(logger, ok + bad + broken, ok, bad, broken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "API {Method} {Path} answered {StatusCode} in {Duration:F1} ms")]
    private static partial void LogRefused(ILogger logger, string method, string path, int statusCode, double duration);

    [LoggerMessage(Level = LogLevel.Information, Message = "API: {Requests} requests in the last minute: {Answered} answered, {Refused} refused (4xx), {Failed} failed (5xx)")]
    private static partial void LogSummary(ILogger logger, long requests, long answered, long refused, long failed);
}
