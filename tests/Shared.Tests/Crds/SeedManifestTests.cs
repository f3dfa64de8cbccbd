using System.Text.Json.Nodes;
using Tollgate.Shared.Tests.Support;
using Tollgate.Shared.Yaml;
using Tollgate.Testing;
using static Tollgate.Shared.Tests.Crds.CrdJson;

namespace Tollgate.Shared.Tests.Crds;

/// <summary>The user's seed manifests, applied with the real kubectl to the CRDs in config/crd, come back whole.</summary>
public sealed class SeedManifestTests(ControlPlaneFixture fixture) : ControlPlaneTest(fixture)
{
    [Theory]
    [InlineData("appproject.yaml", "appprojects.argoproj.io")]
    [InlineData("application.yaml", "applications.argoproj.io")]
    [InlineData("rollout.yaml", "rollouts.argoproj.io")]
    public async Task Apply_SeedManifest_IsAcceptedAndKeepsEveryField(string file, string resource)
    {
        var seed = await ApplySeedAsync(file);

        var stored = await GetAsync(resource, seed["metadata"]!["name"]!.GetValue<string>());

        AssertContains(seed, stored);
    }

    [Fact]
    public async Task Apply_SeedApplication_KeepsSyncPolicyTheModelDoesNotDescribe()
    {
        await ApplySeedAsync("application.yaml");

        var syncPolicy = (await GetAsync("app", "web-app"))["spec"]!["syncPolicy"]!;

        Assert.True(syncPolicy["automated"]!["selfHeal"]!.GetValue<bool>());
        Assert.True(syncPolicy["automated"]!["prune"]!.GetValue<bool>());
        Assert.Equal(["CreateNamespace=true"], Strings(syncPolicy["syncOptions"]));
    }

    [Fact]
    public async Task Apply_SeedAppProject_KeepsRolesAndEmptyCoreGroup()
    {
        await ApplySeedAsync("appproject.yaml");

        var spec = (await GetAsync("appproj", "production"))["spec"]!;

        Assert.Equal("", spec["clusterResourceWhitelist"]![0]!["group"]!.GetValue<string>());
        Assert.Equal(["dev-team"], Strings(spec["roles"]![0]!["groups"]));
        Assert.Equal("p, proj:production:admin, applications, *, production/*, allow", Strings(spec["roles"]![1]!["policies"]).Single());
    }

    [Fact]
    public async Task Apply_SeedRollout_KeepsSevenStepsAndPauseDurations()
    {
        await ApplySeedAsync("rollout.yaml");

        var steps = (await GetAsync("ro", "web-app"))["spec"]!["strategy"]!["canary"]!["steps"]!.AsArray();

        Assert.Equal(7, steps.Count);
        Assert.Equal(10, steps[0]!["setWeight"]!.GetValue<int>());
        Assert.Equal(["5m", "5m", "5m"], steps.Where(s => s!["pause"] is not null).Select(s => s!["pause"]!["duration"]!.GetValue<string>()));
    }

    /// <summary>Applies a seed manifest, unchanged but for its namespace, and returns it as applied.</summary>
    private async Task<JsonObject> ApplySeedAsync(string file)
    {
        var path = Path.Combine(RepositoryRoot.Find(), "tests", "Shared.Tests", "Crds", "Seed", file);
        var manifest = Assert.Single(YamlJson.ParseDocuments(await File.ReadAllTextAsync(path)));
        manifest["metadata"]!["namespace"] = Namespace;
        var applied = Path.Combine(Plane.WorkDirectory, $"{Namespace}-{Path.GetFileNameWithoutExtension(file)}.json");
        await File.WriteAllTextAsync(applied, manifest.ToJsonString());

        var result = await Plane.KubectlAsAdminAsync("apply", "-n", Namespace, "-f", applied);

        Assert.True(result.Succeeded, result.Stderr.Contains("must be of type string: \"null\"", StringComparison.Ordinal)
            ? $"{result}\nThis kube-apiserver takes \"\" for null, as Kubernetes 1.20 built with Go >= 1.19 does: the zero-value test in "
                + "vendor/{k8s.io/kube-openapi/pkg/validation,github.com/go-openapi}/validate/type.go must be `data == nil` (hack/bootstrap.sh)."
            : result.ToString());
        return manifest;
    }

    private async Task<JsonObject> GetAsync(string resource, string name)
    {
        var result = await Plane.KubectlAsAdminAsync("get", resource, name, "-n", Namespace, "-o", "json");
        Assert.True(result.Succeeded, result.ToString());
        return JsonNode.Parse(result.Stdout)!.AsObject();
    }
}
