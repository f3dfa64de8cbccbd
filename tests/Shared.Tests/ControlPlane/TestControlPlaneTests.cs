using System.Diagnostics;
using Tollgate.Shared.Kube.Models;
using Tollgate.Testing.ControlPlane;

namespace Tollgate.Shared.Tests.ControlPlane;

/// <summary>The test control plane itself: it starts, it fails loudly, and it leaves nothing behind.</summary>
public sealed class TestControlPlaneTests
{
    [Fact]
    public async Task DisposeAsync_AfterStart_StopsEveryServerAndRemovesWorkDirectory()
    {
        var plane = await TestControlPlane.StartAsync();
        var groups = plane.Processes.Select(p => p.ProcessGroup).ToList();
        var dir = plane.WorkDirectory;
        Assert.Equal(["etcd", "kube-apiserver", "kube-controller-manager"], plane.Processes.Select(p => p.Name));
        var kubeSystem = await plane.AdminClient.GetAsync<V1Namespace>("kube-system");
        Assert.Equal("kube-system", kubeSystem!.Metadata.Labels!["kubernetes.io/metadata.name"]);

        await plane.DisposeAsync();

        Assert.All(groups, group => Assert.False(ProcessGroupAlive(group), $"process group {group} still runs"));
        Assert.False(Directory.Exists(dir));
        Assert.DoesNotContain(RunningCommandLines(), line => line.Contains(dir, StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartAsync_MissingBinary_FailsNamingTheFileAndTheFix()
    {
        var binaries = ControlPlaneBinaries.Locate() with { KubeApiServer = "/nonexistent/kube-apiserver" };

        var error = await Assert.ThrowsAsync<ControlPlaneException>(() => TestControlPlane.StartAsync(binaries: binaries));

        Assert.Contains("/nonexistent/kube-apiserver does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("make bootstrap", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_ServerExitsAtOnce_FailsWithItsLogTail()
    {
        var script = Path.Combine(Directory.CreateTempSubdirectory("tollgate-fake-").FullName, "kube-apiserver");
        await File.WriteAllTextAsync(script, "#!/bin/sh\necho 'E1121 refusing to start: flag --bogus is broken' >&2\nexit 3\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        var binaries = ControlPlaneBinaries.Locate() with { KubeApiServer = script };

        var error = await Assert.ThrowsAsync<ControlPlaneException>(() => TestControlPlane.StartAsync(binaries: binaries));

        Assert.Contains("kube-apiserver exited", error.Message, StringComparison.Ordinal);
        Assert.Contains("refusing to start: flag --bogus is broken", error.Message, StringComparison.Ordinal);
        Directory.Delete(Path.GetDirectoryName(script)!, recursive: true);
    }

    private static bool ProcessGroupAlive(int group)
    {
        using var probe = Process.Start(new ProcessStartInfo("pgrep", ["-g", group.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
        })!;
        probe.WaitForExit();
        return probe.ExitCode == 0;
    }

    private static IEnumerable<string> RunningCommandLines() =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => Path.Combine(d, "cmdline"))
            .Select(f =>
            {
                try
                {
                    return File.ReadAllText(f).Replace('\0', ' ');
                }
                catch (IOException)
                {
                    return "";
                }
                catch (UnauthorizedAccessException)
                {
                    return "";
                }
            });
}
