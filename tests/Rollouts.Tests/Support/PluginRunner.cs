using System.Diagnostics;
using Tollgate.Testing.ControlPlane;

namespace Tollgate.Rollouts.Tests.Support;

/// <summary>Runs the built kubectl-tollgate plugin as a user would.</summary>
public static class PluginRunner
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string kubeconfig, params string[] arguments)
    {
        var dotnet = ControlPlaneBinaries.DotnetHost;
        var start = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "kubectl-tollgate.dll"));
        foreach (var argument in arguments.Concat(["--kubeconfig", kubeconfig]))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
