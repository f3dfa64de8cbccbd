using Tollgate.Testing;

namespace Tollgate.Reliability.Tests.Support;

[CollectionDefinition(Name)]
public sealed class ControlPlaneCollection : ICollectionFixture<ControlPlaneFixture>
{
    public const string Name = "control plane";
}
