using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Operator.Informers;

namespace Tollgate.Shared.Tests.Operator;

public sealed class SharedStringsTests
{
    [Fact]
    public void Share_EqualStringsFromTwoObjects_ReturnsOneInstance()
    {
        var first = new string("rollouts-pod-template-hash".AsSpan());
        var second = new string("rollouts-pod-template-hash".AsSpan());

        Assert.NotSame(first, second);
        Assert.Same(SharedStrings.Share(first), SharedStrings.Share(second));
        Assert.Null(SharedStrings.Share((string?)null));
    }

    [Fact]
    public void Share_Metadata_SharesKeysNamespaceAndOwnerKindsButKeepsEveryValue()
    {
        V1ObjectMeta Read() => new()
        {
            Name = "web-6b4f9d8c7",
            Namespace = new string("team-a".AsSpan()),
            Labels = new Dictionary<string, string> { [new string("app".AsSpan())] = "web", [new string("rollouts-pod-template-hash".AsSpan())] = "6b4f9d8c7" },
            Annotations = new Dictionary<string, string> { [new string("rollout.argoproj.io/revision".AsSpan())] = "3" },
            OwnerReferences = [new V1OwnerReference { ApiVersion = new string("argoproj.io/v1alpha1".AsSpan()), Kind = new string("Rollout".AsSpan()), Name = "web", Uid = "u1" }],
        };
        var first = Read();
        var second = Read();

        SharedStrings.Share(first);
        SharedStrings.Share(second);

        Assert.Same(first.Namespace, second.Namespace);
        Assert.Same(first.Labels!.Keys.First(k => k == "app"), second.Labels!.Keys.First(k => k == "app"));
        Assert.Same(first.Annotations!.Keys.Single(), second.Annotations!.Keys.Single());
        Assert.Same(first.OwnerReferences![0].Kind, second.OwnerReferences![0].Kind);
        Assert.Same(first.OwnerReferences[0].ApiVersion, second.OwnerReferences![0].ApiVersion);
        Assert.Equal(new Dictionary<string, string> { ["app"] = "web", ["rollouts-pod-template-hash"] = "6b4f9d8c7" }, first.Labels);
        Assert.Equal("3", second.Annotations["rollout.argoproj.io/revision"]);
        Assert.Equal("web-6b4f9d8c7", first.Name);
    }
}
