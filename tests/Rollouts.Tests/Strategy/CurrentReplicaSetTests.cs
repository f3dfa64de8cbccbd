using System.Text.Json.Nodes;
using Tollgate.Rollouts.Strategy;

namespace Tollgate.Rollouts.Tests.Strategy;

public sealed class CurrentReplicaSetTests
{
    private const string Own = "tollgate1";

    /// <summary>The Rollout's template with the API server's defaults, as the dry run returns it.</summary>
    private const string Desired = """
        {"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"web","image":"web:v1","imagePullPolicy":"IfNotPresent",
        "resources":{},"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File"}],"restartPolicy":"Always",
        "terminationGracePeriodSeconds":30,"dnsPolicy":"ClusterFirst","securityContext":{},"schedulerName":"default-scheduler"}}
        """;

    private static JsonNode Template(string image = "web:v1", string hash = "argo1", string? extraLabel = null, bool serviceAccount = false, string? affinity = null)
    {
        var node = JsonNode.Parse(Desired.Replace("web:v1", image, StringComparison.Ordinal))!;
        node["metadata"]!["labels"]!["rollouts-pod-template-hash"] = hash;
        node["metadata"]!["creationTimestamp"] = null;
        if (extraLabel is not null)
        {
            node["metadata"]!["labels"]![extraLabel] = "yes";
        }

        if (serviceAccount)
        {
            node["spec"]!["serviceAccount"] = "default";
            node["spec"]!["serviceAccountName"] = "default";
        }

        if (affinity is not null)
        {
            node["spec"]!["affinity"] = JsonNode.Parse(affinity);
        }

        return node;
    }

    private static JsonNode DesiredTemplate(bool serviceAccount = false)
    {
        var node = JsonNode.Parse(Desired)!;
        if (serviceAccount)
        {
            node["spec"]!["serviceAccountName"] = "default";
        }

        return node;
    }

    public static TheoryData<string, CandidateReplicaSet[], string?, string, bool, bool> Rows() => new()
    {
        { "own hash wins without comparing", [new("web-tollgate1", Own, Template("web:v0", Own)), new("web-argo1", "argo1", Template())], null, Own, false, false },
        { "Argo's ReplicaSet with the same template is adopted", [new("web-argo1", "argo1", Template())], "argo1", "argo1", true, false },
        { "a changed image is a new revision", [new("web-argo1", "argo1", Template("web:v0"))], "argo1", Own, false, false },
        { "the stable one is found among older ones", [new("web-argo0", "argo0", Template("web:v0", "argo0")), new("web-argo1", "argo1", Template())], "argo0", "argo1", true, false },
        { "injected canary metadata does not count", [new("web-argo1", "argo1", Template(extraLabel: "role"), """{"labels":{"role":"yes"}}""")], "argo1", "argo1", true, false },
        { "a label the controller did not inject counts", [new("web-argo1", "argo1", Template(extraLabel: "role"))], "argo1", Own, false, false },
        { "the deprecated serviceAccount does not count", [new("web-argo1", "argo1", Template(serviceAccount: true))], "argo1", "argo1", true, false },
        { "a deleting ReplicaSet is not adopted", [new("web-argo1", "argo1", Template(), Deleting: true)], null, Own, false, false },
        { "two ReplicaSets with the template are inconsistent", [new("web-argo1", "argo1", Template()), new("web-argo2", "argo2", Template(hash: "argo2"))], null, Own, false, true },
        { "a stableRS no ReplicaSet carries is inconsistent", [new("web-argo1", "argo1", Template())], "gone1", Own, false, true },
        { "a first deploy has nothing to compare", [], null, Own, false, false },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Resolve_Row_GivesHashAndInconsistency(string row, CandidateReplicaSet[] replicaSets, string? stable, string hash, bool adopted, bool inconsistent)
    {
        var desired = CurrentReplicaSet.NeedsTemplateComparison(Own, replicaSets) ? DesiredTemplate(row.Contains("serviceAccount", StringComparison.Ordinal)) : null;

        var result = CurrentReplicaSet.Resolve(Own, desired, replicaSets, stable, antiAffinityConfigured: false);

        Assert.Equal((hash, adopted, inconsistent), (result.PodHash, result.Adopted, result.Inconsistency is not null));
    }

    [Fact]
    public void Resolve_TwoMatches_NamesBothInTheMessage()
    {
        var result = CurrentReplicaSet.Resolve(Own, DesiredTemplate(), [new("web-b", "b", Template(hash: "b")), new("web-a", "a", Template(hash: "a"))], null, false);

        Assert.Equal("ReplicaSets \"web-a\", \"web-b\" all run this Rollout's pod template; Tollgate scales nothing until only one of them is left", result.Inconsistency);
    }

    [Fact]
    public void Resolve_MissingStable_SaysWhatToDo()
    {
        var result = CurrentReplicaSet.Resolve(Own, null, [], "gone1", false);

        Assert.Equal("status.stableRS is \"gone1\" but no ReplicaSet of this Rollout carries that rollouts-pod-template-hash; Tollgate scales nothing until a ReplicaSet with it exists or status.stableRS is cleared", result.Inconsistency);
    }

    [Theory]
    [InlineData(true, "argo1")]
    [InlineData(false, Own)]
    public void Resolve_InjectedAntiAffinity_IgnoredOnlyWhenConfigured(bool configured, string expected)
    {
        const string injected = """
            {"podAntiAffinity":{"preferredDuringSchedulingIgnoredDuringExecution":[{"weight":10,"podAffinityTerm":{"labelSelector":{"matchExpressions":
            [{"key":"rollouts-pod-template-hash","operator":"In","values":["argo0"]}]},"topologyKey":"kubernetes.io/hostname"}}]}}
            """;

        var result = CurrentReplicaSet.Resolve(Own, DesiredTemplate(), [new("web-argo0", "argo0", Template("web:v0", "argo0")), new("web-argo1", "argo1", Template(affinity: injected))], "argo0", configured);

        Assert.Equal(expected, result.PodHash);
    }

    [Theory]
    [InlineData("""{"a":{},"b":[],"c":null,"d":1}""", """{"d":1}""")]
    [InlineData("""{"b":2,"a":1}""", """{"a":1,"b":2}""")]
    [InlineData("""{"x":{"y":{}}}""", """{}""")]
    public void AreEqual_EmptyAndOrder_DoNotCount(string left, string right) =>
        Assert.True(PodTemplateEquality.AreEqual(JsonNode.Parse(left), null, JsonNode.Parse(right), false));

    [Theory]
    [InlineData("""{"a":[1,2]}""", """{"a":[2,1]}""")]
    [InlineData("""{"a":"1"}""", """{"a":1}""")]
    [InlineData("""{"a":false}""", """{}""")]
    public void AreEqual_OrderOfListsAndTypes_Count(string left, string right) =>
        Assert.False(PodTemplateEquality.AreEqual(JsonNode.Parse(left), null, JsonNode.Parse(right), false));
}
