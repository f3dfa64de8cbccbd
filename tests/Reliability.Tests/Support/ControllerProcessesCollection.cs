using Tollgate.Testing;

namespace Tollgate.Reliability.Tests.Support;

/// <summary>
/// The kill and failover runs on a control plane of their own, in parallel with the rest: they never restart the
/// plane or register webhooks, and the fault scenarios of the other collection do both.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ControllerProcessesCollection : ICollectionFixture<ControlPlaneFixture>
{
    public const string Name = "controller processes control plane";
}
