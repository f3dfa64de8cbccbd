using Tollgate.Reliability.Tests.Hostile;
using Tollgate.Testing;
using Tollgate.Testing.ControlPlane;

namespace Tollgate.Reliability.Tests.Support;

/// <summary>
/// Fresh namespaces per test class: "production" with Argo CD's web-app Application tracking Deployment web-app, in
/// an Argo CD namespace with the AppProject production, and the real tollgate-webhooks process registered for every
/// namespace but kube-system and tollgate-system.
/// </summary>
[Collection(ControlPlaneCollection.Name)]
public abstract class HostileScenario(ControlPlaneFixture fixture) : IAsyncLifetime
{
    public static IReadOnlyList<string> ExcludedNamespaces { get; } = ["kube-system", ShippedIdentities.Namespace];

    protected TestControlPlane Plane => fixture.Plane;

    protected string Production { get; private set; } = "";

    protected string ArgoCd { get; private set; } = "";

    protected ValidReviews Seeds { get; private set; } = null!;

    protected WebhookServerProcess Server { get; private set; } = null!;

    protected static CancellationToken Timeout(int seconds = 600) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;

    /// <summary>How many hostile reviews a run sends: a few thousand in `make test`, TOLLGATE_CHAOS_REVIEWS in `make chaos`.</summary>
    protected static int Scaled(int shortRun, string variable = "TOLLGATE_CHAOS_REVIEWS") => ChaosReport.Scaled(shortRun, variable);

    public async Task InitializeAsync()
    {
        var cancellationToken = Timeout(180);
        Production = await Plane.CreateNamespaceAsync("prod", cancellationToken: cancellationToken);
        ArgoCd = await Plane.CreateNamespaceAsync("argocd", cancellationToken: cancellationToken);
        Seeds = new ValidReviews(Production, ArgoCd);
        await ApplyAsAdminAsync($"""
            apiVersion: argoproj.io/v1alpha1
            kind: AppProject
            metadata:
              name: production
              namespace: {ArgoCd}
            spec:
              sourceRepos: ["https://github.com/myorg/k8s-manifests"]
              destinations:
              - namespace: {Production}
                server: https://kubernetes.default.svc
              namespaceResourceWhitelist:
              - group: '*'
                kind: '*'
            ---
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: {ValidReviews.TrackedName}
              namespace: {ArgoCd}
            spec:
              project: production
              source:
                repoURL: https://github.com/myorg/k8s-manifests
                targetRevision: main
                path: apps/web-app
              destination:
                server: https://kubernetes.default.svc
                namespace: {Production}
            """);
        Server = await WebhookServerProcess.StartAsync(Plane, ArgoCd, ExcludedNamespaces, cancellationToken);
    }

    public async Task DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        await Plane.DeleteNamespaceAsync(Production);
        await Plane.DeleteNamespaceAsync(ArgoCd);
    }

    protected async Task ApplyAsAdminAsync(string yaml)
    {
        var result = await Plane.Kubectl.RunAsync(Plane.AdminKubeconfigPath, ["apply", "-f", "-"], stdin: yaml);
        Assert.True(result.Succeeded, result.ToString());
    }

    /// <summary>Appends the figures to TOLLGATE_CHAOS_REPORT when set (`make chaos` prints that file).</summary>
    protected static void Report(string title, string figures)
    {
        if (Environment.GetEnvironmentVariable("TOLLGATE_CHAOS_REPORT") is { Length: > 0 } path)
        {
            File.AppendAllText(path, $"## {title}\n\n{figures}\n");
        }
    }
}
