using System.Runtime.InteropServices;

namespace Timpora.Bench;

/// <summary>Processor time of the calling thread (Linux CLOCK_THREAD_CPUTIME_ID): a query's cost without the
/// time it spent waiting for a core that other processes held.</summary>
public static class ThreadClock
{
    private const int ThreadCpuTime = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    public static bool IsAvailable { get; } = OperatingSystem.IsLinux();

    /// <summary>Nanoseconds of processor time this thread has used, 0 off Linux.</summary>
    public static long Nanoseconds()
    {
        if (!IsAvailable)
        {
            return 0;
        }

        _ = ClockGetTime(ThreadCpuTime, out var time);
        return (time.Seconds * 1_000_000_000) + time.Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out Timespec time);
}
