using Tollgate.Rollouts.Sync;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Rollouts.Tests.Sync;

public sealed class PodTemplateHashTests
{
    private static V1PodTemplateSpec Template(string image, IDictionary<string, string>? labels = null) => new()
    {
        Metadata = labels is null ? null : new V1ObjectMeta { Labels = labels },
        Spec = new V1PodSpec { Containers = [new V1Container { Name = "web", Image = image }] },
    };

    [Fact]
    public void Compute_SameTemplate_SameHash() =>
        Assert.Equal(PodTemplateHash.Compute(Template("a:1")), PodTemplateHash.Compute(Template("a:1")));

    [Fact]
    public void Compute_DifferentImage_DifferentHash() =>
        Assert.NotEqual(PodTemplateHash.Compute(Template("a:1")), PodTemplateHash.Compute(Template("a:2")));

    [Fact]
    public void Compute_HashLabelInTemplate_Ignored() =>
        Assert.Equal(
            PodTemplateHash.Compute(Template("a:1", new Dictionary<string, string> { ["app"] = "x" })),
            PodTemplateHash.Compute(Template("a:1", new Dictionary<string, string> { ["app"] = "x", [RolloutLabels.PodTemplateHash] = "abc" })));

    [Fact]
    public void Compute_LabelOrder_DoesNotMatter() =>
        Assert.Equal(
            PodTemplateHash.Compute(Template("a:1", new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" })),
            PodTemplateHash.Compute(Template("a:1", new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" })));

    [Fact]
    public void Compute_CollisionCount_ChangesHash() =>
        Assert.NotEqual(PodTemplateHash.Compute(Template("a:1")), PodTemplateHash.Compute(Template("a:1"), collisionCount: 1));

    // Like Kubernetes' SafeEncodeString: each decimal digit's character code picks a letter.
    [Theory]
    [InlineData(0u, "4")]
    [InlineData(9u, "f")]
    [InlineData(10u, "54")]
    [InlineData(4294967295u, "86f8fbc6f9")]
    public void Encode_Value_UsesSafeAlphabet(uint value, string expected) => Assert.Equal(expected, PodTemplateHash.Encode(value));

    [Theory]
    [InlineData("", 2166136261u)]
    [InlineData("a", 3826002220u)]
    [InlineData("foobar", 3214735720u)]
    public void Fnv1a_KnownVectors_Match(string text, uint expected) =>
        Assert.Equal(expected, PodTemplateHash.Fnv1a(System.Text.Encoding.ASCII.GetBytes(text)));

    [Fact]
    public void Compute_Hash_IsALabelValue() =>
        Assert.Matches("^[bcdfghjklmnpqrstvwxz2456789]{1,10}$", PodTemplateHash.Compute(Template("myapp:v2.0")));
}
