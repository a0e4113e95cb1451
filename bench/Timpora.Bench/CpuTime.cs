using System.Diagnostics;
using System.Globalization;

namespace Timpora.Bench;

/// <summary>Processor time used by the load generator, the application and (when TIMPORA_BENCH_PGDATA names the
/// cluster's folder) PostgreSQL's processes: on a machine shared with other work, CPU per check-in says more
/// than the rate does, and the three add up to what a quiet 2-core machine could sustain. Steal is the time the
/// virtual machine's host gave the cores to others while this machine wanted them: where it is high, every figure
/// of the run is low.</summary>
public readonly record struct CpuTime(TimeSpan Client, TimeSpan Server, TimeSpan? Database, TimeSpan Steal)
{
    public static CpuTime Of(Process server)
    {
        server.Refresh();
        return new(Process.GetCurrentProcess().TotalProcessorTime, server.TotalProcessorTime, Postgres(), Stolen());
    }

    public static CpuTime operator -(CpuTime a, CpuTime b) =>
        new(a.Client - b.Client, a.Server - b.Server, a.Database - b.Database, a.Steal - b.Steal);

    /// <summary>The line to print for <paramref name="checkIns"/> operations in <paramref name="seconds"/>; <paramref name="unit"/> names one ("check-in", "report").</summary>
    public string Describe(int checkIns, int seconds, string unit = "check-in")
    {
        double PerCheckIn(TimeSpan t) => checkIns == 0 ? double.NaN : t.TotalMilliseconds * 1000 / checkIns;
        var total = Client + Server + (Database ?? TimeSpan.Zero);
        var database = Database is { } d ? string.Create(CultureInfo.InvariantCulture, $", database {PerCheckIn(d):F0} µs") : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"CPU per {unit}: client {PerCheckIn(Client):F0} µs, server {PerCheckIn(Server):F0} µs{database}; {total.TotalSeconds / seconds:F2} of {Environment.ProcessorCount} cores busy with this run; " +
            $"on {Environment.ProcessorCount} idle cores that is at most {Environment.ProcessorCount * 1_000_000 / PerCheckIn(total):F0} {unit}s/s; " +
            $"steal {Steal.TotalSeconds / seconds:F2} cores");
    }

    /// <summary>The machine's steal time so far: the eighth figure of the <c>cpu</c> line of /proc/stat, in ticks of 1/100 s.</summary>
    private static TimeSpan Stolen()
    {
        var line = File.Exists("/proc/stat") ? File.ReadLines("/proc/stat").First() : "";
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length > 8 && long.TryParse(fields[8], CultureInfo.InvariantCulture, out var ticks) ? TimeSpan.FromMilliseconds(ticks * 10) : TimeSpan.Zero;
    }

    private static TimeSpan? Postgres()
    {
        if (Environment.GetEnvironmentVariable("TIMPORA_BENCH_PGDATA") is not { } folder || !File.Exists(Path.Combine(folder, "postmaster.pid")))
        {
            return null;
        }

        var postmaster = File.ReadLines(Path.Combine(folder, "postmaster.pid")).First().Trim();
        long ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                // Fields after the command name: state, ppid, ... utime (14th field) and stime (15th).
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (Path.GetFileName(dir) == postmaster || fields[1] == postmaster)
                {
                    ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                // A process that ended meanwhile.
            }
        }

        // The kernel counts in clock ticks of 1/100 s on Linux.
        return TimeSpan.FromMilliseconds(ticks * 10);
    }
}
