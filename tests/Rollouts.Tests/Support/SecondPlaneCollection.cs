using Tollgate.Testing;

namespace Tollgate.Rollouts.Tests.Support;

/// <summary>
/// A second control plane and Prometheus for half of the scenarios: xunit runs collections in parallel, and the
/// scenarios mostly wait on the API server and on pauses, so two planes halve the suite's wall time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SecondPlaneCollection : ICollectionFixture<ControlPlaneFixture>, ICollectionFixture<PrometheusFixture>
{
    public const string Name = "rollouts second control plane";
}
