using System.Text.Json;
using System.Text.Json.Nodes;
using Tollgate.Shared.Entities.ArgoCd;

namespace Tollgate.Webhooks.Tests.Policy;

public sealed class ArgoCdSerializationTests
{
    [Fact]
    public void AppProject_SeedManifest_ReadsEveryField()
    {
        var project = ProjectFixtures.SeedProject();

        Assert.Equal("argoproj.io/v1alpha1", project.ApiVersion);
        Assert.Equal("AppProject", project.Kind);
        Assert.Equal("production", project.Metadata.Name);
        Assert.Equal("Production applications", project.Spec.Description);
        Assert.Equal(["https://github.com/myorg/k8s-manifests"], project.Spec.SourceRepos!);
        Assert.Equal(["production", "production-*"], project.Spec.Destinations!.Select(destination => destination.Namespace));
        Assert.All(project.Spec.Destinations!, destination => Assert.Equal("https://kubernetes.default.svc", destination.Server));
        var clusterKind = Assert.Single(project.Spec.ClusterResourceWhitelist!);
        Assert.Equal(("", "Namespace"), (clusterKind.Group, clusterKind.Kind));
        Assert.Equal(["apps/Deployment", "/Service"], project.Spec.NamespaceResourceWhitelist!.Select(item => $"{item.Group}/{item.Kind}"));
        Assert.Null(project.Spec.NamespaceResourceBlacklist);
        Assert.Equal(["developer", "admin"], project.Spec.Roles!.Select(role => role.Name));
        Assert.Equal(["dev-team"], project.Spec.Roles![0].Groups!);
        Assert.Equal(["p, proj:production:admin, applications, *, production/*, allow"], project.Spec.Roles[1].Policies!);
    }

    [Fact]
    public void Application_SeedManifest_ReadsEveryField()
    {
        var application = ProjectFixtures.SeedApplication();

        Assert.Equal("Application", application.Kind);
        Assert.Equal("web-app", application.Metadata.Name);
        Assert.Equal("default", application.Spec.Project);
        Assert.Equal("https://github.com/myorg/k8s-manifests", application.Spec.Source!.RepoUrl);
        Assert.Equal("main", application.Spec.Source.TargetRevision);
        Assert.Equal("apps/web-app", application.Spec.Source.Path);
        Assert.Equal("https://kubernetes.default.svc", application.Spec.Destination!.Server);
        Assert.Equal("production", application.Spec.Destination.Namespace);
        Assert.True(application.Spec.SyncPolicy!.Value.GetProperty("automated").GetProperty("selfHeal").GetBoolean());
        Assert.Null(application.Spec.Sources);
    }

    [Theory]
    [InlineData(SeedManifests.AppProjectJson)]
    [InlineData(ProjectWithEveryFieldJson)]
    public void AppProject_RoundTrip_LosesNoField(string json)
    {
        var project = JsonSerializer.Deserialize(json, ArgoCdJsonContext.Default.AppProject)!;

        var written = JsonSerializer.Serialize(project, ArgoCdJsonContext.Default.AppProject);

        AssertSameJson(json, written);
    }

    [Theory]
    [InlineData(SeedManifests.ApplicationJson)]
    [InlineData(ApplicationWithEveryFieldJson)]
    public void Application_RoundTrip_LosesNoField(string json)
    {
        var application = JsonSerializer.Deserialize(json, ArgoCdJsonContext.Default.Application)!;

        var written = JsonSerializer.Serialize(application, ArgoCdJsonContext.Default.Application);

        AssertSameJson(json, written);
    }

    [Theory]
    [InlineData("""{"spec":{}}""", null)]
    [InlineData("""{"spec":{"namespaceResourceWhitelist":[]}}""", 0)]
    [InlineData("""{"spec":{"namespaceResourceWhitelist":[{"group":"apps","kind":"Deployment"}]}}""", 1)]
    public void AppProject_NamespaceResourceWhitelist_KeepsMissingApartFromEmpty(string json, int? expectedCount)
    {
        var project = JsonSerializer.Deserialize(json, ArgoCdJsonContext.Default.AppProject)!;

        Assert.Equal(expectedCount, project.Spec.NamespaceResourceWhitelist?.Count);
        AssertSameJson(json, JsonSerializer.Serialize(project, ArgoCdJsonContext.Default.AppProject), ignoreTypeMeta: true);
    }

    [Fact]
    public void Application_MultiSource_ReadsEachSource()
    {
        var application = JsonSerializer.Deserialize(ApplicationWithEveryFieldJson, ArgoCdJsonContext.Default.Application)!;

        Assert.Equal(
            ["https://github.com/myorg/k8s-manifests.git", "https://charts.example.com", "https://github.com/myorg/overlays"],
            application.Spec.Sources!.Select(source => source.RepoUrl));
        Assert.Equal("values", application.Spec.Sources![0].Ref);
        Assert.Equal("redis", application.Spec.Sources[1].Chart);
        Assert.Equal("alice", application.Operation!.Value.GetProperty("initiatedBy").GetProperty("username").GetString());
        Assert.Equal(5, application.Spec.RevisionHistoryLimit);
    }

    [Fact]
    public void KubernetesList_OfAppProjects_ReadsItems()
    {
        var json = $$"""{"apiVersion":"argoproj.io/v1alpha1","kind":"AppProjectList","metadata":{"resourceVersion":"42"},"items":[{{SeedManifests.AppProjectJson}}]}""";

        var list = JsonSerializer.Deserialize(json, ArgoCdJsonContext.Default.KubernetesListAppProject)!;

        Assert.Equal("production", Assert.Single(list.Items).Metadata.Name);
    }

    [Fact]
    public void Resource_Descriptors_NameTheArgoCdApi()
    {
        Assert.Equal("/apis/argoproj.io/v1alpha1/namespaces/argocd/appprojects", AppProject.Resource.CollectionPath("argocd"));
        Assert.Equal("/apis/argoproj.io/v1alpha1/namespaces/argocd/applications/web-app", Application.Resource.ItemPath("web-app", "argocd"));
    }

    private static void AssertSameJson(string expected, string actual, bool ignoreTypeMeta = false)
    {
        var expectedNode = JsonNode.Parse(expected)!.AsObject();
        var actualNode = JsonNode.Parse(actual)!.AsObject();
        if (ignoreTypeMeta)
        {
            // Fragments without apiVersion/kind get the model's defaults written back; only the rest must survive untouched.
            actualNode.Remove("apiVersion");
            actualNode.Remove("kind");
            actualNode.Remove("metadata");
            expectedNode.Remove("metadata");
        }

        Assert.True(JsonNode.DeepEquals(expectedNode, actualNode), $"expected {expectedNode.ToJsonString()}\nbut got  {actualNode.ToJsonString()}");
    }

    private const string ProjectWithEveryFieldJson = """
        {
          "apiVersion": "argoproj.io/v1alpha1",
          "kind": "AppProject",
          "metadata": { "name": "team-a", "namespace": "argocd", "uid": "5f1c", "resourceVersion": "7", "labels": { "team": "a" } },
          "spec": {
            "description": "Team A",
            "sourceRepos": ["https://github.com/team-a/*", "!https://github.com/team-a/secrets"],
            "destinations": [{ "server": "https://kubernetes.default.svc", "name": "in-cluster", "namespace": "team-a-*" }],
            "clusterResourceWhitelist": [{ "group": "", "kind": "Namespace", "name": "team-a-*" }],
            "clusterResourceBlacklist": [{ "group": "rbac.authorization.k8s.io", "kind": "*" }],
            "namespaceResourceWhitelist": [],
            "namespaceResourceBlacklist": [{ "group": "", "kind": "ResourceQuota" }],
            "roles": [{
              "name": "ci",
              "description": "CI robot",
              "policies": ["p, proj:team-a:ci, applications, sync, team-a/*, allow"],
              "groups": ["team-a-ci"],
              "jwtTokens": [{ "iat": 1700000000, "id": "token-1" }]
            }],
            "sourceNamespaces": ["team-a-apps"],
            "orphanedResources": { "warn": true, "ignore": [{ "kind": "ConfigMap", "name": "kube-root-ca.crt" }] },
            "syncWindows": [{ "kind": "deny", "schedule": "0 22 * * *", "duration": "8h", "applications": ["*"] }],
            "signatureKeys": [{ "keyID": "4AEE18F83AFDEB23" }],
            "permitOnlyProjectScopedClusters": true,
            "destinationServiceAccounts": [{ "server": "https://kubernetes.default.svc", "namespace": "team-a", "defaultServiceAccount": "deployer" }]
          },
          "status": { "jwtTokensByRole": { "ci": { "items": [{ "iat": 1700000000, "id": "token-1" }] } } }
        }
        """;

    private const string ApplicationWithEveryFieldJson = """
        {
          "apiVersion": "argoproj.io/v1alpha1",
          "kind": "Application",
          "metadata": { "name": "cache", "namespace": "argocd", "finalizers": ["resources-finalizer.argocd.argoproj.io"] },
          "spec": {
            "project": "team-a",
            "sources": [
              { "repoURL": "https://github.com/myorg/k8s-manifests.git", "targetRevision": "main", "ref": "values" },
              {
                "repoURL": "https://charts.example.com",
                "chart": "redis",
                "targetRevision": "18.1.0",
                "helm": { "valueFiles": ["$values/redis/values.yaml"], "releaseName": "cache" },
                "name": "redis-chart"
              },
              { "repoURL": "https://github.com/myorg/overlays", "path": "redis", "kustomize": { "namePrefix": "a-" }, "directory": { "recurse": true } }
            ],
            "destination": { "name": "in-cluster", "namespace": "team-a-cache" },
            "syncPolicy": { "automated": { "prune": true }, "retry": { "limit": 3 } },
            "ignoreDifferences": [{ "group": "apps", "kind": "Deployment", "jsonPointers": ["/spec/replicas"] }],
            "revisionHistoryLimit": 5,
            "info": [{ "name": "owner", "value": "team-a" }]
          },
          "operation": { "sync": { "revision": "abc123" }, "initiatedBy": { "username": "alice" } },
          "status": { "sync": { "status": "Synced" }, "health": { "status": "Healthy" } }
        }
        """;
}
