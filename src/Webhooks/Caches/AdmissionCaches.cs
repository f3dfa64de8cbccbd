using Microsoft.Extensions.Logging;
using Tollgate.Shared.Entities.ArgoCd;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Operator.Informers;
using Tollgate.Webhooks.Clusters;
using Tollgate.Webhooks.Policy;
using Tollgate.Webhooks.Observability;
using Tollgate.Webhooks.Settings;
using Tollgate.Webhooks.Tracking;

namespace Tollgate.Webhooks.Caches;

/// <summary>
/// The informer caches admission decisions read (never the API), and the <see cref="PolicySnapshot"/> recompiled
/// whenever an AppProject, argocd-rbac-cm, argocd-cm, argocd-cmd-params-cm or a cluster Secret changes. Creating this registers the informers with the factory.
/// </summary>
public sealed class AdmissionCaches : IInformerEventHandler<AppProject>, IInformerEventHandler<V1ConfigMap>, IInformerEventHandler<ClusterSecret>
{
    private readonly LiveSettings live;
    private readonly (string Namespace, string Name)? settingsConfigMap;
    private readonly ILogger<AdmissionCaches> logger;
    private readonly Lock rebuildGate = new();
    private readonly Dictionary<string, CompiledProjectEntry> compiled = new(StringComparer.Ordinal);
    private readonly ISharedInformer<AppProject> projects;
    private readonly ISharedInformer<Application> applications;
    private readonly ISharedInformer<V1ConfigMap> configMaps;
    private readonly ISharedInformer<ClusterSecret> clusterSecrets;
    private readonly ISharedInformer<V1Namespace> namespaces;
    private readonly ISharedInformer<DeploymentMetadata> deployments;
    private readonly ISharedInformer<ReplicaSetMetadata> replicaSets;
    private readonly ISharedInformer<StatefulSetMetadata> statefulSets;
    private readonly ISharedInformer<RolloutMetadata>? rollouts;
    private readonly ISharedInformer<AnalysisTemplateMetadata>? analysisTemplates;
    private readonly ISharedInformer<ClusterAnalysisTemplateMetadata>? clusterAnalysisTemplates;
    private readonly ISharedInformer[] all;
    private PolicySnapshot snapshot = PolicySnapshot.Empty;
    private string lastArgoCdProblems = "";
    private HashSet<string> lastClusterProblems = new(StringComparer.Ordinal);

    public AdmissionCaches(
        SharedInformerFactory factory, LiveSettings settings, ILogger<AdmissionCaches> logger, AdmissionCacheScope? scope = null, SettingsSource? source = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(settings);
        live = settings;
        this.logger = logger;
        var argoCd = settings.Current.ArgoCdNamespace;
        projects = factory.GetInformer<AppProject>(argoCd);
        // Every namespace: Argo CD serves Applications outside its own namespace when application.namespaces says so.
        applications = factory.GetInformer<Application>();
        configMaps = factory.GetInformer<V1ConfigMap>(argoCd);
        // Argo CD reads only the Secrets in its namespace labelled as clusters.
        clusterSecrets = factory.GetInformer<ClusterSecret>(argoCd, $"{ClusterSecret.SecretTypeLabel}={ClusterSecret.ClusterSecretType}");
        namespaces = factory.GetInformer<V1Namespace>();
        deployments = factory.GetInformer<DeploymentMetadata>();
        replicaSets = factory.GetInformer<ReplicaSetMetadata>();
        statefulSets = factory.GetInformer<StatefulSetMetadata>();
        all = [projects, applications, configMaps, clusterSecrets, namespaces, deployments, replicaSets, statefulSets];
        if ((scope ?? AdmissionCacheScope.All).Rollouts)
        {
            rollouts = factory.GetInformer<RolloutMetadata>();
            analysisTemplates = factory.GetInformer<AnalysisTemplateMetadata>();
            clusterAnalysisTemplates = factory.GetInformer<ClusterAnalysisTemplateMetadata>();
            all = [.. all, rollouts, analysisTemplates, clusterAnalysisTemplates];
        }

        projects.AddEventHandler(this);
        configMaps.AddEventHandler(this);
        clusterSecrets.AddEventHandler(this);
        if (source?.ConfigMap is { } reference)
        {
            settingsConfigMap = reference;
            var settingsMaps = factory.GetInformer<V1ConfigMap>(reference.Namespace);
            if (!ReferenceEquals(settingsMaps, configMaps))
            {
                all = [.. all, settingsMaps];
                settingsMaps.AddEventHandler(this);
            }
        }
    }

    private TollgateSettings CurrentSettings => live.Current;

    public PolicySnapshot Policy => Volatile.Read(ref snapshot);

    public bool HasSynced => Array.TrueForAll(all, informer => informer.HasSynced);

    public IEnumerable<string> UnsyncedInformers => all.Where(i => !i.HasSynced).Select(i => i.Description);

    public async Task WaitForSyncAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(all.Select(i => i.WaitForCacheSyncAsync(cancellationToken)));
        Rebuild();
    }

    public Application? Application(ApplicationName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var argoCd = CurrentSettings.ArgoCdNamespace;
        var @namespace = name.NamespaceOr(argoCd);
        // Argo CD ignores an Application in a namespace application.namespaces does not enable: it manages nothing.
        return Policy.ArgoCd.IsApplicationNamespaceEnabled(@namespace, argoCd) ? applications.Cache.Get(@namespace, name.Name) : null;
    }

    /// <summary>The Applications in Argo CD's namespace that name <paramref name="project"/> (an empty project is <c>default</c>).</summary>
    public IReadOnlyList<Application> ApplicationsInProject(string project) =>
        [.. applications.Cache.List(CurrentSettings.ArgoCdNamespace)
            .Where(application => (string.IsNullOrEmpty(application.Spec.Project) ? CompiledProject.DefaultProjectName : application.Spec.Project) == project)];

    /// <summary>The namespace's <c>tollgate.dev/guard</c> label value, or null.</summary>
    public string? NamespaceGuard(string? @namespace)
    {
        if (string.IsNullOrEmpty(@namespace))
        {
            return null;
        }

        var labels = namespaces.Cache.Get(null, @namespace)?.Metadata.Labels;
        return labels is not null && labels.TryGetValue(TollgateSettings.GuardLabel, out var mode) ? mode : null;
    }

    /// <summary>Whether the namespace is in the cache (a metric label names only the cluster's own namespaces).</summary>
    public bool NamespaceExists(string? @namespace) => !string.IsNullOrEmpty(@namespace) && namespaces.Cache.Get(null, @namespace) is not null;

    /// <summary>The parent of a <c>scale</c> subresource request, for the kinds whose scale Tollgate guards.</summary>
    public ScaleParent? ScaleParent(string group, string resource, string @namespace, string name)
    {
        var metadata = (group, resource) switch
        {
            ("apps", "deployments") => deployments.Cache.Get(@namespace, name)?.Metadata,
            ("apps", "replicasets") => replicaSets.Cache.Get(@namespace, name)?.Metadata,
            ("apps", "statefulsets") => statefulSets.Cache.Get(@namespace, name)?.Metadata,
            ("argoproj.io", "rollouts") => rollouts?.Cache.Get(@namespace, name)?.Metadata,
            _ => null,
        };
        var kind = (group, resource) switch
        {
            ("apps", "deployments") => "Deployment",
            ("apps", "replicasets") => "ReplicaSet",
            ("apps", "statefulsets") => "StatefulSet",
            ("argoproj.io", "rollouts") => "Rollout",
            _ => null,
        };
        return metadata is null || kind is null
            ? null
            : new ScaleParent(new ObjectCoordinates(group, kind, @namespace, name), TrackedMetadataReader.FromMetadata(metadata, CurrentSettings));
    }

    public bool AnalysisTemplateExists(string? @namespace, string name, bool clusterScope) =>
        clusterScope
            ? clusterAnalysisTemplates?.Cache.Get(null, name) is not null
            : !string.IsNullOrEmpty(@namespace) && analysisTemplates?.Cache.Get(@namespace, name) is not null;

    void IInformerEventHandler<AppProject>.OnAdd(AppProject entity) => Rebuild();

    void IInformerEventHandler<AppProject>.OnUpdate(AppProject oldEntity, AppProject newEntity) => Rebuild();

    void IInformerEventHandler<AppProject>.OnDelete(AppProject entity) => Rebuild();

    void IInformerEventHandler<V1ConfigMap>.OnAdd(V1ConfigMap entity) => OnConfigMap(entity, deleted: false);

    void IInformerEventHandler<V1ConfigMap>.OnUpdate(V1ConfigMap oldEntity, V1ConfigMap newEntity) => OnConfigMap(newEntity, deleted: false);

    void IInformerEventHandler<V1ConfigMap>.OnDelete(V1ConfigMap entity) => OnConfigMap(entity, deleted: true);

    void IInformerEventHandler<ClusterSecret>.OnAdd(ClusterSecret entity) => Rebuild();

    void IInformerEventHandler<ClusterSecret>.OnUpdate(ClusterSecret oldEntity, ClusterSecret newEntity) => Rebuild();

    void IInformerEventHandler<ClusterSecret>.OnDelete(ClusterSecret entity) => Rebuild();

    private void OnConfigMap(V1ConfigMap configMap, bool deleted)
    {
        if (settingsConfigMap is { } reference && configMap.Metadata.Namespace == reference.Namespace && configMap.Metadata.Name == reference.Name)
        {
            ReloadSettings(deleted ? null : configMap);
        }

        if (configMap.Metadata.Namespace != CurrentSettings.ArgoCdNamespace)
        {
            return;
        }

        if (configMap.Metadata.Name == CurrentSettings.RbacConfigMap || configMap.Metadata.Name is ArgoCdConfig.ConfigMapName or ArgoCdConfig.CmdParamsConfigMapName)
        {
            Rebuild();
        }
    }

    private void ReloadSettings(V1ConfigMap? configMap)
    {
        var yaml = configMap?.Data is { } data && data.TryGetValue(SettingsLoader.ConfigMapKey, out var text) ? text : null;
        lock (rebuildGate)
        {
            var (next, problem) = SettingsReload.Apply(live.Current, yaml);
            var (ns, name) = settingsConfigMap!.Value;
            if (problem is not null)
            {
                logger.SettingsProblem(ns, name, problem);
            }

            if (next != live.Current)
            {
                live.Replace(next);
                logger.SettingsReloaded(ns, name);
            }
        }
    }

    /// <summary>The clusters of the cached Secrets; what is wrong with one is logged once, until it changes.</summary>
    private ClusterRegistry ReadClusters(bool inClusterEnabled)
    {
        List<ArgoCluster> clusters = [];
        HashSet<string> problems = new(StringComparer.Ordinal);
        // Ordered by name so that, of several Secrets for one server, the same one is found every time.
        foreach (var secret in clusterSecrets.Cache.List(CurrentSettings.ArgoCdNamespace).OrderBy(s => s.Metadata.Name, StringComparer.Ordinal))
        {
            var (cluster, problem) = ClusterSecretReader.Read(secret.Metadata.Name ?? "", secret.Data);
            if (cluster is not null)
            {
                clusters.Add(cluster);
            }

            if (problem is not null)
            {
                problems.Add(problem);
                if (!lastClusterProblems.Contains(problem))
                {
                    logger.ClusterSecretProblem(CurrentSettings.ArgoCdNamespace, secret.Metadata.Name ?? "", problem);
                }
            }
        }

        lastClusterProblems = problems;
        return new ClusterRegistry(clusters, inClusterEnabled);
    }

    /// <summary>Recompiles only the projects whose resourceVersion changed, then swaps in a new snapshot.</summary>
    private void Rebuild()
    {
        lock (rebuildGate)
        {
            var current = projects.Cache.List(CurrentSettings.ArgoCdNamespace);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var project in current)
            {
                var name = project.Metadata.Name ?? "";
                seen.Add(name);
                if (!compiled.TryGetValue(name, out var entry) || entry.ResourceVersion != (project.Metadata.ResourceVersion ?? ""))
                {
                    compiled[name] = PolicySnapshot.Compile(project);
                }
            }

            foreach (var gone in compiled.Keys.Where(name => !seen.Contains(name)).ToList())
            {
                compiled.Remove(gone);
            }

            var rbacData = configMaps.Cache.Get(CurrentSettings.ArgoCdNamespace, CurrentSettings.RbacConfigMap)?.Data;
            var rbac = RbacPolicyParser.ParseConfigMap(rbacData is null ? null : new Dictionary<string, string>(rbacData, StringComparer.Ordinal));
            var argoCdData = configMaps.Cache.Get(CurrentSettings.ArgoCdNamespace, ArgoCdConfig.ConfigMapName)?.Data;
            var cmdParamsData = configMaps.Cache.Get(CurrentSettings.ArgoCdNamespace, ArgoCdConfig.CmdParamsConfigMapName)?.Data;
            var argoCd = ArgoCdConfig.FromData(
                argoCdData is null ? null : new Dictionary<string, string>(argoCdData, StringComparer.Ordinal),
                cmdParamsData is null ? null : new Dictionary<string, string>(cmdParamsData, StringComparer.Ordinal));
            var problems = string.Join('\n', argoCd.Problems);
            if (problems != lastArgoCdProblems)
            {
                lastArgoCdProblems = problems;
                foreach (var problem in argoCd.Problems)
                {
                    logger.ArgoCdConfigProblem(CurrentSettings.ArgoCdNamespace, ArgoCdConfig.ConfigMapName, problem);
                }
            }

            var next = new PolicySnapshot(compiled, rbac, argoCd, ReadClusters(argoCd.InClusterEnabled));
            Volatile.Write(ref snapshot, next);
            logger.PolicyRebuilt(CurrentSettings.ArgoCdNamespace, next.ProjectCount, next.Enforcer.Diagnostics.Count);
            foreach (var diagnostic in next.Enforcer.Diagnostics)
            {
                logger.PolicyDiagnostic(diagnostic.ToString());
            }
        }
    }
}
