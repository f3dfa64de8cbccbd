using System.Collections.Concurrent;
using Tollgate.LocalRun;

namespace Tollgate.Reliability.Tests.LocalRun;

/// <summary>Issue 18 item 8: `make run` restarts a process that dies, with a backoff and a line saying so.</summary>
public sealed class SupervisedProcessTests
{
    [Fact]
    public async Task SuperviseAsync_ProcessKeepsDying_RestartedWithGrowingBackoffAndALineEachTime()
    {
        var log = Path.Combine(Path.GetTempPath(), $"supervised-{Guid.NewGuid():N}.log");
        var lines = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await using var process = new SupervisedProcess("crasher", "/bin/sh", ["-c", "echo started; exit 3"], log);

        var supervision = process.SuperviseAsync(lines.Enqueue, stop.Token);
        while (process.Restarts < 2 && !stop.IsCancellationRequested)
        {
            await Task.Delay(100, stop.Token);
        }

        await stop.CancelAsync();
        await supervision;

        Assert.Equal(2, process.Restarts);
        Assert.Contains(lines, l => l.StartsWith("crasher exited after", StringComparison.Ordinal) && l.Contains("restarting it in 1 s (restart 1;", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("restarting it in 2 s (restart 2;", StringComparison.Ordinal));
        Assert.True(File.ReadAllLines(log).Count(l => l == "started") >= 2);
        File.Delete(log);
    }

    [Fact]
    public async Task SuperviseAsync_ProcessRuns_NotRestarted()
    {
        var log = Path.Combine(Path.GetTempPath(), $"supervised-{Guid.NewGuid():N}.log");
        var lines = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await using (var process = new SupervisedProcess("sleeper", "/bin/sh", ["-c", "sleep 30"], log))
        {
            await process.SuperviseAsync(lines.Enqueue, stop.Token);

            Assert.True(process.IsRunning);
            Assert.Equal(0, process.Restarts);
        }

        Assert.Empty(lines);
        File.Delete(log);
    }
}
