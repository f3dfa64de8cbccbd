namespace Tollgate.Testing.ControlPlane;

/// <summary>Where hack/bootstrap.sh put the servers and kubectl (TOLLGATE_KUBE_BIN overrides).</summary>
public sealed record ControlPlaneBinaries(string Etcd, string KubeApiServer, string KubeControllerManager, string Kubectl)
{
    public const string KubeVersion = "1.20.2";

    public static ControlPlaneBinaries Locate()
    {
        var bin = Environment.GetEnvironmentVariable("TOLLGATE_KUBE_BIN");
        if (string.IsNullOrEmpty(bin))
        {
            var cache = Environment.GetEnvironmentVariable("TOLLGATE_CACHE")
                ?? Path.Combine(Environment.GetEnvironmentVariable("HOME") ?? "/root", ".cache", "tollgate");
            bin = Path.Combine(cache, $"kube-v{KubeVersion}", "bin");
        }

        return new ControlPlaneBinaries(
            FindOnPath("etcd") ?? "/usr/bin/etcd",
            Path.Combine(bin, "kube-apiserver"),
            Path.Combine(bin, "kube-controller-manager"),
            File.Exists(Path.Combine(bin, "kubectl")) ? Path.Combine(bin, "kubectl") : FindOnPath("kubectl") ?? Path.Combine(bin, "kubectl"));
    }

    /// <summary>The dotnet host that runs this process (so a child runs on the same runtime), else the one on PATH.</summary>
    public static string DotnetHost =>
        Environment.ProcessPath is { } path && Path.GetFileName(path) == "dotnet" ? path : FindOnPath("dotnet") ?? "/usr/bin/dotnet";

    public static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
