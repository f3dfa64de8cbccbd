namespace Tollgate.Webhooks.Tests.Policy;

/// <summary>The user's seed manifests (appproject.yaml and application.yaml), converted from YAML to JSON as the API server stores them.</summary>
internal static class SeedManifests
{
    public const string AppProjectJson = """
        {
          "apiVersion": "argoproj.io/v1alpha1",
          "kind": "AppProject",
          "metadata": {
            "name": "production",
            "namespace": "argocd"
          },
          "spec": {
            "description": "Production applications",
            "sourceRepos": [
              "https://github.com/myorg/k8s-manifests"
            ],
            "destinations": [
              {
                "namespace": "production",
                "server": "https://kubernetes.default.svc"
              },
              {
                "namespace": "production-*",
                "server": "https://kubernetes.default.svc"
              }
            ],
            "clusterResourceWhitelist": [
              {
                "group": "",
                "kind": "Namespace"
              }
            ],
            "namespaceResourceWhitelist": [
              {
                "group": "apps",
                "kind": "Deployment"
              },
              {
                "group": "",
                "kind": "Service"
              }
            ],
            "roles": [
              {
                "name": "developer",
                "description": "Developer role",
                "policies": [
                  "p, proj:production:developer, applications, sync, production/*, allow"
                ],
                "groups": [
                  "dev-team"
                ]
              },
              {
                "name": "admin",
                "description": "Admin role",
                "policies": [
                  "p, proj:production:admin, applications, *, production/*, allow"
                ],
                "groups": [
                  "platform-team"
                ]
              }
            ]
          }
        }
        """;

    public const string ApplicationJson = """
        {
          "apiVersion": "argoproj.io/v1alpha1",
          "kind": "Application",
          "metadata": {
            "name": "web-app",
            "namespace": "argocd"
          },
          "spec": {
            "project": "default",
            "source": {
              "repoURL": "https://github.com/myorg/k8s-manifests",
              "targetRevision": "main",
              "path": "apps/web-app"
            },
            "destination": {
              "server": "https://kubernetes.default.svc",
              "namespace": "production"
            },
            "syncPolicy": {
              "automated": {
                "prune": true,
                "selfHeal": true
              },
              "syncOptions": [
                "CreateNamespace=true"
              ]
            }
          }
        }
        """;
}
