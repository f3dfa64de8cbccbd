using System.Text.Json.Nodes;
using Tollgate.Shared.Crds;
using Tollgate.Testing;
using static Tollgate.Shared.Tests.Crds.CrdJson;

namespace Tollgate.Shared.Tests.Crds;

public sealed class TollgateCrdsTests
{
    private static readonly IReadOnlyDictionary<string, JsonObject> Crds =
        TollgateCrds.Generate().ToDictionary(crd => crd["metadata"]!["name"]!.GetValue<string>());

    [Fact]
    public void Files_CommittedConfigCrd_IsWhatTheTypesGenerate()
    {
        var directory = Path.Combine(RepositoryRoot.Find(), "config", "crd");
        var generated = TollgateCrds.Files();
        var committed = Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*.yaml").Select(Path.GetFileName).OfType<string>().ToHashSet()
            : [];

        var outdated = generated
            .Where(file => !committed.Contains(file.Name)
                || File.ReadAllText(Path.Combine(directory, file.Name)).ReplaceLineEndings("\n") != file.Content)
            .Select(file => file.Name)
            .Concat(committed.Except(generated.Select(file => file.Name)).Select(name => name + " (no longer generated)"))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(
            outdated.Count == 0,
            $"config/crd differs from what the C# entity types generate: {string.Join(", ", outdated)}. Run `make manifests` and commit config/crd.");
    }

    [Theory]
    [InlineData("applications.argoproj.io", "Application", "Namespaced", new[] { "app", "apps" })]
    [InlineData("appprojects.argoproj.io", "AppProject", "Namespaced", new[] { "appproj", "appprojs" })]
    [InlineData("rollouts.argoproj.io", "Rollout", "Namespaced", new[] { "ro" })]
    [InlineData("analysistemplates.argoproj.io", "AnalysisTemplate", "Namespaced", new[] { "at" })]
    [InlineData("clusteranalysistemplates.argoproj.io", "ClusterAnalysisTemplate", "Cluster", new[] { "cat" })]
    [InlineData("analysisruns.argoproj.io", "AnalysisRun", "Namespaced", new[] { "ar" })]
    public void Generate_ArgoKinds_HaveArgosNamesAndScope(string name, string kind, string scope, string[] shortNames)
    {
        var crd = Crds[name];

        Assert.Equal("argoproj.io", crd["spec"]!["group"]!.GetValue<string>());
        Assert.Equal(kind, crd["spec"]!["names"]!["kind"]!.GetValue<string>());
        Assert.Equal(scope, crd["spec"]!["scope"]!.GetValue<string>());
        Assert.Equal(shortNames, Strings(crd["spec"]!["names"]!["shortNames"]));
        Assert.Equal("v1alpha1", Version(crd)["name"]!.GetValue<string>());
    }

    [Fact]
    public void Generate_Rollout_HasArgosSubresources()
    {
        Assert.Equal(
            """{"status":{},"scale":{"specReplicasPath":".spec.replicas","statusReplicasPath":".status.HPAReplicas","labelSelectorPath":".status.selector"}}""",
            Version(Crds["rollouts.argoproj.io"])["subresources"]!.ToJsonString());
    }

    [Theory]
    [InlineData("applications.argoproj.io")]
    [InlineData("appprojects.argoproj.io")]
    [InlineData("analysisruns.argoproj.io")]
    [InlineData("analysistemplates.argoproj.io")]
    public void Generate_KindsArgoServesWithoutSubresources_HaveNone(string name) =>
        Assert.Null(Version(Crds[name])["subresources"]);

    [Fact]
    public void Generate_Rollout_HasArgosPrinterColumns()
    {
        var columns = Version(Crds["rollouts.argoproj.io"])["additionalPrinterColumns"]!.AsArray();

        Assert.Equal(
            ["Desired .spec.replicas", "Current .status.replicas", "Up-to-date .status.updatedReplicas", "Available .status.availableReplicas", "Age .metadata.creationTimestamp"],
            columns.Select(c => $"{c!["name"]} {c["jsonPath"]}"));
    }

    [Fact]
    public void Generate_RolloutPauseDuration_IsIntOrString()
    {
        var duration = Schema(Crds["rollouts.argoproj.io"], "spec", "strategy", "canary", "steps", "[]", "pause", "duration");

        Assert.True(duration["x-kubernetes-int-or-string"]!.GetValue<bool>());
    }

    [Fact]
    public void Generate_RolloutTemplate_IsAnObjectThatKeepsEveryField()
    {
        var template = Schema(Crds["rollouts.argoproj.io"], "spec", "template");

        Assert.Equal("object", template["type"]!.GetValue<string>());
        Assert.True(template["x-kubernetes-preserve-unknown-fields"]!.GetValue<bool>());
    }

    [Fact]
    public void Generate_RolloutSelectorAndSetWeight_AreOptionalAndUnbounded()
    {
        var crd = Crds["rollouts.argoproj.io"];

        Assert.Null(Schema(crd, "spec")["required"]);
        Assert.Null(Schema(crd, "spec", "strategy", "canary", "steps", "[]", "setWeight")["maximum"]);
    }

    [Fact]
    public void Generate_RolloutStatus_UsesArgosFieldNamesAndTypes()
    {
        var crd = Crds["rollouts.argoproj.io"];

        Assert.Equal("string", Schema(crd, "status", "observedGeneration")["type"]!.GetValue<string>());
        Assert.Equal("integer", Schema(crd, "status", "HPAReplicas")["type"]!.GetValue<string>());
        Assert.Equal("string", Schema(crd, "status", "stableRS")["type"]!.GetValue<string>());
        Assert.Equal(["canary", "stable"], Strings(Schema(crd, "status", "canary", "weights")["required"]));
    }

    [Fact]
    public void Generate_Application_RequiresWhatArgoCdRequiresAndKeepsWhatItDoesNotModel()
    {
        var crd = Crds["applications.argoproj.io"];

        Assert.Equal(["metadata", "spec"], Strings(Schema(crd)["required"]));
        Assert.Equal(["destination", "project"], Strings(Schema(crd, "spec")["required"]));
        Assert.True(Schema(crd, "spec")["x-kubernetes-preserve-unknown-fields"]!.GetValue<bool>());
        Assert.True(Schema(crd, "spec", "syncPolicy")["x-kubernetes-preserve-unknown-fields"]!.GetValue<bool>());
        Assert.Equal("array", Schema(crd, "spec", "ignoreDifferences")["type"]!.GetValue<string>());
        Assert.Equal(["operation", "status"], new[] { "operation", "status" }.Where(p => Schema(crd, p)["x-kubernetes-preserve-unknown-fields"] is not null));
    }

    [Fact]
    public void Generate_Application_HasArgoCdsPrinterColumns()
    {
        var columns = Version(Crds["applications.argoproj.io"])["additionalPrinterColumns"]!.AsArray();

        Assert.Equal(
            ["Sync Status 0", "Health Status 0", "Revision 10", "Project 10"],
            columns.Select(c => $"{c!["name"]} {c["priority"]?.GetValue<int>() ?? 0}"));
    }

    [Fact]
    public void Generate_AnalysisTemplateMetric_RequiresNameAndProvider()
    {
        var metric = Schema(Crds["analysistemplates.argoproj.io"], "spec", "metrics", "[]");

        Assert.Equal(["name", "provider"], Strings(metric["required"]));
        Assert.True(Schema(Crds["analysistemplates.argoproj.io"], "spec", "metrics", "[]", "count")["x-kubernetes-int-or-string"]!.GetValue<bool>());
    }
}
