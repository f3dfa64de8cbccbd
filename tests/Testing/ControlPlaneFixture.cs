using Tollgate.Testing.ControlPlane;
using Xunit;

namespace Tollgate.Testing;

/// <summary>
/// One control plane per test assembly (declare an xunit collection with ICollectionFixture of this type): CRDs from
/// config/crd and tests/Testing/Crds installed; each test makes its own namespace.
/// </summary>
public sealed class ControlPlaneFixture : IAsyncLifetime
{
    private TestControlPlane? plane;

    public TestControlPlane Plane => plane ?? throw new InvalidOperationException("control plane not started");

    public async Task InitializeAsync()
    {
        plane = await TestControlPlane.StartAsync();
        foreach (var directory in CrdDirectories())
        {
            await plane.InstallCrdsAsync(directory);
        }
    }

    public async Task DisposeAsync()
    {
        if (plane is not null)
        {
            await plane.DisposeAsync();
        }
    }

    /// <summary>config/crd of the repository (when present) and the test-only CRDs shipped with this assembly.</summary>
    public static IEnumerable<string> CrdDirectories()
    {
        var root = RepositoryRoot.Find();
        var shipped = Path.Combine(root, "config", "crd");
        if (Directory.Exists(shipped))
        {
            yield return shipped;
        }

        yield return Path.Combine(AppContext.BaseDirectory, "Crds");
    }
}
