using System.Globalization;

namespace Tollgate.Bench.Rollouts;

/// <summary>The machine's load averages, printed next to each result (as `uptime` shows them).</summary>
public static class MachineLoad
{
    public static string Now()
    {
        var fields = File.ReadAllText("/proc/loadavg").Split(' ');
        return string.Create(CultureInfo.InvariantCulture, $"load average {fields[0]}, {fields[1]}, {fields[2]} ({Environment.ProcessorCount} CPUs, {DateTimeOffset.UtcNow:HH:mm:ss} UTC)");
    }
}
