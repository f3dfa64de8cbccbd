using System.Text.Json.Nodes;

namespace Tollgate.Reliability.Tests.Hostile;

/// <summary>
/// Well-formed AdmissionReviews, one per webhook, shaped like the API server's: the seeds the hostile suite breaks, and
/// the probes whose answer must stay right throughout.
/// </summary>
public sealed class ValidReviews(string production, string argoCd)
{
    public const string TrackedName = "web-app";

    public string TrackingId => $"web-app:apps/Deployment:{production}/{TrackedName}";

    /// <summary>dev-user scales the Deployment Argo CD's web-app manages: the guard must deny it as drift (403).</summary>
    public JsonObject GuardDrift(string uid) => Envelope($$$"""
        {
          "uid": "{{{uid}}}",
          "kind": {"group": "apps", "version": "v1", "kind": "Deployment"},
          "resource": {"group": "apps", "version": "v1", "resource": "deployments"},
          "requestKind": {"group": "apps", "version": "v1", "kind": "Deployment"},
          "requestResource": {"group": "apps", "version": "v1", "resource": "deployments"},
          "name": "{{{TrackedName}}}", "namespace": "{{{production}}}", "operation": "UPDATE",
          "userInfo": {"username": "dev-user", "uid": "0d5e", "groups": ["dev-team", "system:authenticated"], "extra": {"scopes": ["view"]}},
          "object": {{{Deployment(10)}}},
          "oldObject": {{{Deployment(5)}}},
          "dryRun": false,
          "options": {"apiVersion": "meta.k8s.io/v1", "kind": "UpdateOptions"}
        }
        """);

    /// <summary>dev-user creates a ConfigMap nobody manages in an unguarded namespace: the guard must allow it.</summary>
    public JsonObject GuardUnmanaged(string uid) => Envelope($$$"""
        {
          "uid": "{{{uid}}}",
          "kind": {"group": "", "version": "v1", "kind": "ConfigMap"},
          "resource": {"group": "", "version": "v1", "resource": "configmaps"},
          "name": "settings", "namespace": "{{{production}}}", "operation": "CREATE",
          "userInfo": {"username": "dev-user", "groups": ["dev-team", "system:authenticated"]},
          "object": {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "settings", "namespace": "{{{production}}}", "labels": {"app": "web"}}, "data": {"a": "b"}},
          "dryRun": false,
          "options": {"apiVersion": "meta.k8s.io/v1", "kind": "CreateOptions"}
        }
        """);

    public JsonObject Application(string uid) => Envelope($$$"""
        {
          "uid": "{{{uid}}}",
          "kind": {"group": "argoproj.io", "version": "v1alpha1", "kind": "Application"},
          "resource": {"group": "argoproj.io", "version": "v1alpha1", "resource": "applications"},
          "name": "other-app", "namespace": "{{{argoCd}}}", "operation": "CREATE",
          "userInfo": {"username": "dev-user", "groups": ["dev-team"]},
          "object": {
            "apiVersion": "argoproj.io/v1alpha1", "kind": "Application",
            "metadata": {"name": "other-app", "namespace": "{{{argoCd}}}", "labels": {"team": "web"}},
            "spec": {
              "project": "production",
              "source": {"repoURL": "https://github.com/myorg/k8s-manifests", "targetRevision": "main", "path": "apps/web-app"},
              "sources": [{"repoURL": "https://github.com/myorg/k8s-manifests", "path": "apps/extra"}],
              "destination": {"server": "https://kubernetes.default.svc", "namespace": "{{{production}}}"},
              "syncPolicy": {"automated": {"prune": true, "selfHeal": true}, "syncOptions": ["CreateNamespace=true"]}
            }
          },
          "dryRun": false
        }
        """);

    public JsonObject Rollout(string uid) => Envelope($$$"""
        {
          "uid": "{{{uid}}}",
          "kind": {"group": "argoproj.io", "version": "v1alpha1", "kind": "Rollout"},
          "resource": {"group": "argoproj.io", "version": "v1alpha1", "resource": "rollouts"},
          "name": "web", "namespace": "{{{production}}}", "operation": "CREATE",
          "userInfo": {"username": "dev-user", "groups": ["dev-team"]},
          "object": {
            "apiVersion": "argoproj.io/v1alpha1", "kind": "Rollout",
            "metadata": {"name": "web", "namespace": "{{{production}}}"},
            "spec": {
              "replicas": 4,
              "selector": {"matchLabels": {"app": "web"}},
              "template": {"metadata": {"labels": {"app": "web"}}, "spec": {"containers": [{"name": "web", "image": "web:1"}]}},
              "strategy": {"canary": {
                "maxSurge": "25%", "maxUnavailable": 0,
                "steps": [{"setWeight": 20}, {"pause": {"duration": "10s"}}, {"analysis": {"templates": [{"templateName": "success-rate"}], "args": [{"name": "service", "value": "web"}]}}, {"setWeight": 60}, {"pause": {}}]
              }}
            }
          },
          "dryRun": false
        }
        """);

    public JsonObject AnalysisTemplate(string uid) => Envelope($$$"""
        {
          "uid": "{{{uid}}}",
          "kind": {"group": "argoproj.io", "version": "v1alpha1", "kind": "AnalysisTemplate"},
          "resource": {"group": "argoproj.io", "version": "v1alpha1", "resource": "analysistemplates"},
          "name": "success-rate", "namespace": "{{{production}}}", "operation": "CREATE",
          "userInfo": {"username": "dev-user", "groups": ["dev-team"]},
          "object": {
            "apiVersion": "argoproj.io/v1alpha1", "kind": "AnalysisTemplate",
            "metadata": {"name": "success-rate", "namespace": "{{{production}}}"},
            "spec": {
              "args": [{"name": "service"}],
              "metrics": [{"name": "success-rate", "interval": "1m", "count": 3, "failureLimit": 1, "successCondition": "result[0] >= 0.95",
                "provider": {"prometheus": {"address": "http://prometheus:9090", "query": "sum(rate(x[1m]))"} } }]
            }
          },
          "dryRun": false
        }
        """);

    private string Deployment(int replicas) => $$$"""
        {
          "apiVersion": "apps/v1", "kind": "Deployment",
          "metadata": {"name": "{{{TrackedName}}}", "namespace": "{{{production}}}", "uid": "4c1d", "resourceVersion": "42",
            "annotations": {"argocd.argoproj.io/tracking-id": "{{{TrackingId}}}"}, "labels": {"app": "web-app"}},
          "spec": {"replicas": {{{replicas}}}, "selector": {"matchLabels": {"app": "web-app"}},
            "template": {"metadata": {"labels": {"app": "web-app"}}, "spec": {"containers": [{"name": "web", "image": "myapp:v1.0"}]} } }
        }
        """;

    private static JsonObject Envelope(string request) => new()
    {
        ["apiVersion"] = "admission.k8s.io/v1",
        ["kind"] = "AdmissionReview",
        ["request"] = JsonNode.Parse(request),
    };
}
