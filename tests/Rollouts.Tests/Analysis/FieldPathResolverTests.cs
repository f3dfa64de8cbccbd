using System.Text.Json;
using Tollgate.Rollouts.Analysis;
using Tollgate.Shared.Entities.Rollouts;

namespace Tollgate.Rollouts.Tests.Analysis;

public sealed class FieldPathResolverTests
{
    private static readonly Rollout Rollout = JsonSerializer.Deserialize(
        """
        {
          "apiVersion": "argoproj.io/v1alpha1",
          "kind": "Rollout",
          "metadata": {
            "name": "guestbook",
            "namespace": "shop",
            "uid": "0b6a6f0e-5d3c-4c8e-9f3e-2f1a7c9d1e42",
            "labels": { "app": "guestbook", "env": "dev", "app.kubernetes.io/part-of": "store" },
            "annotations": { "rollout.argoproj.io/revision": "3", "Owner": "team \"a\"\n" }
          },
          "spec": {
            "replicas": 4,
            "paused": false,
            "strategy": { "canary": { "steps": [ { "setWeight": 20 }, { "pause": {} } ] } },
            "template": { "metadata": { "labels": { "app": "guestbook", "version": "1" } } }
          },
          "status": {
            "pauseConditions": [ { "reason": "CanaryPauseStep", "startTime": "2024-05-01T10:00:00Z" } ],
            "alb": { "canaryTargetGroup": { "name": "k8s-canary-tg" } }
          }
        }
        """,
        RolloutsJsonContext.Default.Rollout)!;

    public static TheoryData<string, string> Values => new()
    {
        // metadata: the Kubernetes downward API
        { "metadata.name", "guestbook" },
        { "metadata.namespace", "shop" },
        { "metadata.uid", "0b6a6f0e-5d3c-4c8e-9f3e-2f1a7c9d1e42" },
        { "metadata.labels['app']", "guestbook" },
        { "metadata.labels['app.kubernetes.io/part-of']", "store" },
        { "metadata.labels['missing']", "" }, // an absent key is empty, as in Argo and the downward API
        { "metadata.annotations['rollout.argoproj.io/revision']", "3" },
        { "metadata.annotations['Owner']", "team \"a\"\n" },
        { "metadata.labels", "app=\"guestbook\"\napp.kubernetes.io/part-of=\"store\"\nenv=\"dev\"" },
        { "metadata.annotations", "Owner=\"team \\\"a\\\"\\n\"\nrollout.argoproj.io/revision=\"3\"" },
        // anything else: the Rollout's JSON, by dots and [index]
        { "spec.replicas", "4" },
        { "spec.paused", "false" },
        { "spec.strategy.canary.steps[0].setWeight", "20" },
        { "spec.template.metadata.labels.version", "1" },
        { "status.pauseConditions[0].reason", "CanaryPauseStep" },
        { "status.pauseConditions[0].startTime", "2024-05-01T10:00:00Z" },
        { "status.alb.canaryTargetGroup.name", "k8s-canary-tg" },
        { "kind", "Rollout" },
        { "spec.replicas.", "4" }, // a trailing separator is ignored
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Resolve_SupportedPath_ReturnsValue(string fieldPath, string expected)
    {
        var resolution = FieldPathResolver.Resolve(Rollout, fieldPath);

        Assert.Null(resolution.Error);
        Assert.Equal(expected, resolution.Value);
    }

    public static TheoryData<string, string> Errors => new()
    {
        { "metadata.generation", "unsupported metadata field" },
        { "metadata.labels.app", "unsupported metadata field" }, // metadata takes the ['key'] form only
        { "metadata.finalizers['x']", "takes no ['key'] subscript" },
        { "metadata.labels['']", "the name is empty" },
        { "metadata.labels['a b']", "invalid key 'a b'" },
        { "metadata.labels['-app']", "must start and end with a letter or digit" },
        { "metadata.labels['Example.com/app']", "DNS subdomain" },
        { "metadata.labels['a/b/c']", "at most one '/'" },
        { "metadata.labels['/app']", "prefix before '/' is empty" },
        { "metadata.labels['" + new string('a', 64) + "']", "longer than 63 characters" },
        { "spec.template.metadata.labels['version']", "no value at this path" }, // outside metadata only dots, as in Argo
        { "status.alb.stableTargetGroup.name", "no value at this path" },
        { "some.invalid[2].non.existing.path", "no value at this path" },
        { "spec.replicas.more", "no value at this path" },
        { "status.pauseConditions[first].reason", "'first' is not an array index" },
        { "status.pauseConditions[12].reason", "index 12 is out of range" },
        { "status.pauseConditions[-1].reason", "index -1 is out of range" },
        { "status.pauseConditions[0]", "not at a string, number or boolean" },
        { "spec.template.metadata.labels", "not at a string, number or boolean" },
        { "", "not at a string, number or boolean" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Resolve_UnknownOrUnresolvablePath_ReturnsError(string fieldPath, string expectedFragment)
    {
        var resolution = FieldPathResolver.Resolve(Rollout, fieldPath);

        Assert.Null(resolution.Value);
        Assert.Contains(expectedFragment, resolution.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_AnnotationKeyWithUpperCasePrefix_AcceptedAsKubernetesDoes()
    {
        var rollout = new Rollout { Metadata = new() { Annotations = new Dictionary<string, string> { ["Example.com/Owner"] = "a" } } };

        Assert.Equal("a", FieldPathResolver.Resolve(rollout, "metadata.annotations['Example.com/Owner']").Value);
    }

    [Fact]
    public void Resolve_MapValueWithControlAndNonPrintableCharacters_QuotedAsGo()
    {
        var rollout = new Rollout { Metadata = new() { Labels = new Dictionary<string, string> { ["k"] = "a\tb\u0001\u00a0é\\" } } };

        Assert.Equal("k=\"a\\tb\\x01\\u00a0é\\\\\"", FieldPathResolver.Resolve(rollout, "metadata.labels").Value);
    }

    [Fact]
    public void Resolve_EmptyMetadata_NameAndMapsAreEmpty()
    {
        Assert.Equal("", FieldPathResolver.Resolve(new Rollout(), "metadata.name").Value);
        Assert.Equal("", FieldPathResolver.Resolve(new Rollout(), "metadata.labels").Value);
    }
}
