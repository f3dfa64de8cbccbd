using Tollgate.Testing;
using Tollgate.Testing.ControlPlane;

// `make cluster`: the test control plane, standalone, until Ctrl-C.
if (args is not ["cluster", ..])
{
    Console.Error.WriteLine("usage: tollgate-testing cluster [--dir DIR]");
    return 2;
}

var dir = args is [_, "--dir", var d, ..] ? Path.GetFullPath(d) : null;
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();

await using var plane = await TestControlPlane.StartAsync(dir, cancellationToken: stop.Token);
foreach (var crds in ControlPlaneFixture.CrdDirectories())
{
    await plane.InstallCrdsAsync(crds, stop.Token);
}

Console.WriteLine($"control plane ready at {plane.ApiServer} (logs in {Path.Combine(plane.WorkDirectory, "logs")})");
Console.WriteLine($"export KUBECONFIG={plane.AdminKubeconfigPath}");
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
    Console.WriteLine("stopping the control plane");
}

return 0;
