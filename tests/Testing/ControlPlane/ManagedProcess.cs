using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Tollgate.Testing.ControlPlane;

/// <summary>
/// A server process started in its own session under a small shell watchdog: output goes to a log file, the whole
/// process group is stopped on <see cref="DisposeAsync"/>, and if this test process dies without cleaning up the
/// watchdog stops the server within a second, so no server outlives its test run.
/// </summary>
public sealed partial class ManagedProcess : IAsyncDisposable
{
    private const string Watchdog =
        """
        parent=$1; log=$2; shift 2
        exec >>"$log" 2>&1
        "$@" &
        child=$!
        trap 'kill -TERM $child 2>/dev/null; wait $child; exit $?' TERM INT
        while kill -0 "$parent" 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 1 & wait $!; done
        kill -TERM $child 2>/dev/null
        wait $child
        """;

    private readonly Process process;

    private ManagedProcess(string name, Process process, string logPath)
    {
        Name = name;
        this.process = process;
        LogPath = logPath;
    }

    public string Name { get; }

    public string LogPath { get; }

    public bool HasExited => process.HasExited;

    public int ProcessGroup => process.Id;

    public static ManagedProcess Start(string name, string executable, IEnumerable<string> arguments, string logPath, IDictionary<string, string>? environment = null)
    {
        if (!File.Exists(executable))
        {
            throw new ControlPlaneException($"{name}: {executable} does not exist. Run `make bootstrap` (hack/bootstrap.sh) to install and build it.");
        }

        var start = new ProcessStartInfo("setsid") { UseShellExecute = false };
        foreach (var argument in (string[])["bash", "-c", Watchdog, "watchdog", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), logPath, executable, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        File.AppendAllText(logPath, $"$ {executable} {string.Join(' ', arguments)}{Environment.NewLine}");
        var process = Process.Start(start) ?? throw new ControlPlaneException($"{name}: could not start {executable}");
        return new ManagedProcess(name, process, logPath);
    }

    /// <summary>The last lines of the server's output, for failure messages.</summary>
    public string Tail(int lines = 40)
    {
        try
        {
            var all = File.ReadAllLines(LogPath);
            var sb = new StringBuilder();
            sb.Append("--- last lines of ").Append(Name).Append(" log (").Append(LogPath).AppendLine(") ---");
            foreach (var line in all.Skip(Math.Max(0, all.Length - lines)))
            {
                sb.AppendLine(line);
            }

            return sb.ToString();
        }
        catch (IOException e)
        {
            return $"--- {Name} log unreadable: {e.Message} ---";
        }
    }

    /// <summary>
    /// SIGTERM to the process group, SIGKILL if it has not emptied within the grace period; returns once no process of
    /// the group is left (the shell may exit before the server it wraps).
    /// </summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (!GroupAlive() && process.HasExited)
        {
            return;
        }

        _ = Kill(-process.Id, SigTerm);
        if (!await WaitForGroupExitAsync(grace))
        {
            _ = Kill(-process.Id, SigKill);
            await WaitForGroupExitAsync(TimeSpan.FromSeconds(10));
        }

        await process.WaitForExitAsync();
    }

    /// <summary>kill(2): sends <paramref name="signal"/> to <paramref name="pid"/>; false when the process is gone.</summary>
    public static bool Signal(int pid, int signal) => Kill(pid, signal) == 0;

    /// <summary>SIGKILL to the whole process group at once (no SIGTERM first); returns once the group is gone.</summary>
    public async Task KillAsync()
    {
        _ = Kill(-process.Id, SigKill);
        await WaitForGroupExitAsync(TimeSpan.FromSeconds(10));
        await process.WaitForExitAsync();
    }

    private async Task<bool> WaitForGroupExitAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (GroupAlive())
        {
            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }

    // kill(-pgid, 0) fails with ESRCH once the group is empty; exited but unreaped children of the watchdog count as gone.
    private bool GroupAlive() => Kill(-process.Id, 0) == 0 && !OnlyZombiesLeft();

    private bool OnlyZombiesLeft()
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields.Length > 2 && fields[2] == process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) && fields[0] != "Z")
                {
                    return false;
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(10));
        process.Dispose();
    }

    private const int SigTerm = 15;
    private const int SigKill = 9;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
