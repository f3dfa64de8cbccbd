using Tollgate.Testing;

namespace Tollgate.Rollouts.Tests.Support;

[CollectionDefinition(Name)]
public sealed class RolloutsCollection : ICollectionFixture<ControlPlaneFixture>, ICollectionFixture<PrometheusFixture>
{
    public const string Name = "rollouts control plane";
}
