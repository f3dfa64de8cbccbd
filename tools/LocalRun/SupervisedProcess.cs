using System.Diagnostics;
using Tollgate.Testing.ControlPlane;

namespace Tollgate.LocalRun;

/// <summary>
/// One process `make run` keeps running: started under <see cref="ManagedProcess"/>'s watchdog, restarted with
/// <see cref="RestartBackoff"/> and a log line whenever it dies, until <see cref="SuperviseAsync"/> is cancelled.
/// </summary>
public sealed class SupervisedProcess(string name, string executable, IReadOnlyList<string> arguments, string logPath, IDictionary<string, string>? environment = null)
    : IAsyncDisposable
{
    private readonly Lock gate = new();
    private ManagedProcess current = ManagedProcess.Start(name, executable, arguments, logPath, environment);
    private long startedAt = Stopwatch.GetTimestamp();

    public string Name => name;

    public string LogPath => logPath;

    public int Restarts { get; private set; }

    public bool IsRunning
    {
        get
        {
            lock (gate)
            {
                return !current.HasExited;
            }
        }
    }

    public async Task SuperviseAsync(Action<string> say, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(say);
        var recent = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
                ManagedProcess dead;
                lock (gate)
                {
                    if (!current.HasExited)
                    {
                        continue;
                    }

                    dead = current;
                }

                var uptime = Stopwatch.GetElapsedTime(startedAt);
                recent = RestartBackoff.RecentRestarts(recent, uptime);
                var delay = RestartBackoff.Delay(recent);
                say($"{name} exited after {uptime.TotalSeconds:0.#} s; restarting it in {delay.TotalSeconds:0} s (restart {Restarts + 1}; its log: {logPath})");
                await dead.DisposeAsync();
                await Task.Delay(delay, cancellationToken);
                lock (gate)
                {
                    current = ManagedProcess.Start(name, executable, arguments, logPath, environment);
                    startedAt = Stopwatch.GetTimestamp();
                    Restarts++;
                }

                recent++;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        ManagedProcess last;
        lock (gate)
        {
            last = current;
        }

        await last.DisposeAsync();
    }
}
