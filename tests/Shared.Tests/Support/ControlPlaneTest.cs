using Tollgate.Shared.Kube;
using Tollgate.Testing;
using Tollgate.Testing.ControlPlane;

namespace Tollgate.Shared.Tests.Support;

/// <summary>Base for tests against the shared control plane: a fresh namespace per test and an admin client.</summary>
[Collection(ControlPlaneCollection.Name)]
public abstract class ControlPlaneTest(ControlPlaneFixture fixture) : IAsyncLifetime
{
    protected TestControlPlane Plane => fixture.Plane;

    protected KubernetesClient Client { get; private set; } = null!;

    protected string Namespace { get; private set; } = "";

    protected static CancellationToken Timeout(int seconds = 60) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;

    public async Task InitializeAsync()
    {
        Client = new KubernetesClient(Plane.AdminConfiguration, TestJsonContext.Default);
        Namespace = await Plane.CreateNamespaceAsync("t");
    }

    public async Task DisposeAsync()
    {
        await Plane.DeleteNamespaceAsync(Namespace);
        Client.Dispose();
    }
}
