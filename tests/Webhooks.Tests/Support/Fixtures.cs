using Tollgate.Testing;

namespace Tollgate.Webhooks.Tests.Support;

/// <summary>The scenario's manifests, shaped like the user's seed (../shared/seed) but in per-test namespaces.</summary>
public static class Fixtures
{
    public static string ArgoRoleName(string production) => $"tollgate-test-argo-{production}";

    /// <summary>config/rbac-argocd (the cluster Secrets the webhooks read in Argo CD's namespace), moved to the test's Argo CD namespace.</summary>
    public static string ShippedArgoCdRbac(string argoCd) =>
        File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "config", "rbac-argocd", "webhooks-cluster-secrets-role.yaml"))
            .Replace("namespace: argocd", $"namespace: {argoCd}", StringComparison.Ordinal);

    /// <summary>Ordinary Kubernetes RBAC: edit in production, and write access to Argo CD's kinds in the Argo CD namespace.</summary>
    public static string Rbac(string production, string argoCd) => $"""
        {ScenarioBinding("scenario-edit", production, "edit")}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: {ArgoRoleName(production)}
        rules:
        - apiGroups: [argoproj.io]
          resources: ["*"]
          verbs: ["*"]
        ---
        {ScenarioBinding("scenario-argo", argoCd, ArgoRoleName(production))}
        ---
        {ScenarioBinding("scenario-argo", production, ArgoRoleName(production))}
        """;

    /// <summary>A RoleBinding of a ClusterRole to the scenario's people (dev-team, platform-team) and the Argo CD controller.</summary>
    private static string ScenarioBinding(string name, string @namespace, string clusterRole) => $"""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata:
          name: {name}
          namespace: {@namespace}
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: ClusterRole
          name: {clusterRole}
        subjects:
        - apiGroup: rbac.authorization.k8s.io
          kind: Group
          name: dev-team
        - apiGroup: rbac.authorization.k8s.io
          kind: Group
          name: platform-team
        - apiGroup: rbac.authorization.k8s.io
          kind: User
          name: "system:serviceaccount:argocd:argocd-application-controller"
        """;

    /// <summary>
    /// The seed's AppProject production, with the destinations pointing at the test's namespace, plus the Argo kinds and
    /// the Rollout promote action the Rollout tests need.
    /// </summary>
    public static string ProductionProject(string argoCd, string production) => $"""
        apiVersion: argoproj.io/v1alpha1
        kind: AppProject
        metadata:
          name: production
          namespace: {argoCd}
        spec:
          description: Production applications
          sourceRepos:
          - {WebhookScenarioTest.RepoUrl}
          destinations:
          - namespace: {production}
            server: https://kubernetes.default.svc
          - namespace: {production}-*
            server: https://kubernetes.default.svc
          clusterResourceWhitelist:
          - group: ''
            kind: Namespace
          namespaceResourceWhitelist:
          - group: 'apps'
            kind: Deployment
          - group: ''
            kind: Service
          - group: 'argoproj.io'
            kind: Rollout
          - group: 'argoproj.io'
            kind: AnalysisTemplate
          roles:
          - name: developer
            description: Developer role
            policies:
            - p, proj:production:developer, applications, sync, production/*, allow
            - p, proj:production:developer, applications, action/argoproj.io/Rollout/promote, production/*, allow
            groups:
            - dev-team
          - name: admin
            description: Admin role
            policies:
            - p, proj:production:admin, applications, *, production/*, allow
            groups:
            - platform-team
        """;

    /// <summary>A project of the org's repositories except the secret ones: Argo CD's '!' exclusions.</summary>
    public static string NegationProject(string argoCd, string production) => $"""
        apiVersion: argoproj.io/v1alpha1
        kind: AppProject
        metadata:
          name: org
          namespace: {argoCd}
        spec:
          sourceRepos:
          - https://github.com/myorg/*
          - '!https://github.com/myorg/secret-*'
          destinations:
          - namespace: '*'
            server: https://kubernetes.default.svc
          - namespace: '!{production}'
            server: '*'
          roles:
          - name: admin
            policies:
            - p, proj:org:admin, applications, *, org/*, allow
            groups:
            - platform-team
        """;

    public static string WebApplication(string argoCd, string production, string name = "web-app", string project = "production", string repo = WebhookScenarioTest.RepoUrl, string? destination = null) => $"""
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: {name}
          namespace: {argoCd}
        spec:
          project: {project}
          source:
            repoURL: {repo}
            targetRevision: {WebhookScenarioTest.Revision}
            path: {WebhookScenarioTest.AppPath}
          destination:
            server: https://kubernetes.default.svc
            namespace: {destination ?? production}
          syncPolicy:
            automated:
              prune: true
              selfHeal: true
            syncOptions:
            - CreateNamespace=true
        """;

    public static string WebAppDeployment(string production, string trackingId, int replicas = 5, string extraAnnotations = "") => $"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web-app
          namespace: {production}
          annotations:
            argocd.argoproj.io/tracking-id: {trackingId}
        {extraAnnotations}spec:
          replicas: {replicas}
          selector:
            matchLabels:
              app: web-app
          template:
            metadata:
              labels:
                app: web-app
            spec:
              containers:
              - name: web
                image: myapp:v1.0
        """;
}
