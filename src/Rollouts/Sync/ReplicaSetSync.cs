using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tollgate.Rollouts.Strategy;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Kube.Requests;

namespace Tollgate.Rollouts.Sync;

/// <summary>Creates and scales a rollout's ReplicaSets: the only writes of ReplicaSets.</summary>
public sealed class ReplicaSetSync(IKubernetesClient client)
{
    /// <summary>The ReplicaSet for <paramref name="podHash"/>: created (at <paramref name="replicas"/>) or, if it already exists, read.</summary>
    public async Task<V1ReplicaSet> EnsureAsync(Rollout rollout, CreateReplicaSet create, IReadOnlyDictionary<string, string> selector, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        ArgumentNullException.ThrowIfNull(create);
        var replicaSet = Build(rollout, create.PodHash, selector, create.Replicas, create.Revision, create.PodMetadata);
        try
        {
            return await client.CreateAsync(replicaSet, cancellationToken: cancellationToken);
        }
        catch (KubernetesException exception) when (exception.IsAlreadyExists)
        {
            return await client.GetAsync<V1ReplicaSet>(replicaSet.Metadata.Name!, rollout.Metadata.Namespace, cancellationToken)
                ?? throw new InvalidOperationException($"ReplicaSet {replicaSet.Metadata.Name} exists but cannot be read");
        }
    }

    public Task<V1ReplicaSet> ScaleAsync(string @namespace, string name, int replicas, CancellationToken cancellationToken)
    {
        var patch = new JsonObject { ["spec"] = new JsonObject { ["replicas"] = replicas } };
        return client.PatchAsync<V1ReplicaSet>(name, @namespace, KubernetesPatch.Merge(patch), cancellationToken: cancellationToken);
    }

    public Task<V1ReplicaSet> SetRevisionAsync(string @namespace, string name, long revision, CancellationToken cancellationToken)
    {
        var patch = new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [RevisionHistory.Annotation] = revision.ToString(CultureInfo.InvariantCulture) } } };
        return client.PatchAsync<V1ReplicaSet>(name, @namespace, KubernetesPatch.Merge(patch), cancellationToken: cancellationToken);
    }

    /// <summary>Writes (or, for null, removes) the scale-down-deadline annotation; nothing else changes.</summary>
    public Task<V1ReplicaSet> SetScaleDownDeadlineAsync(string @namespace, string name, string? deadline, CancellationToken cancellationToken)
    {
        var patch = new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [ScaleDownDeadline.Annotation] = deadline } } };
        return client.PatchAsync<V1ReplicaSet>(name, @namespace, KubernetesPatch.Merge(patch), cancellationToken: cancellationToken);
    }

    /// <summary>Deletes the ReplicaSet; one already gone is fine.</summary>
    public Task DeleteAsync(string @namespace, string name, CancellationToken cancellationToken) =>
        client.DeleteAsync<V1ReplicaSet>(name, @namespace, cancellationToken: cancellationToken);

    /// <summary>The ReplicaSet as the controller wants it; pure, so it can be checked without a cluster.</summary>
    public static V1ReplicaSet Build(Rollout rollout, string podHash, IReadOnlyDictionary<string, string> selector, int replicas, long revision = 1, string? podMetadata = null)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        ArgumentNullException.ThrowIfNull(selector);
        var template = JsonSerializer.Deserialize(
            JsonSerializer.SerializeToUtf8Bytes(rollout.Spec.Template ?? new V1PodTemplateSpec(), RolloutsJsonContext.Default.V1PodTemplateSpec),
            RolloutsJsonContext.Default.V1PodTemplateSpec)!;
        template.Metadata ??= new V1ObjectMeta();
        var podLabels = new Dictionary<string, string>(template.Metadata.Labels ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var (key, value) in selector)
        {
            podLabels[key] = value;
        }

        podLabels[RolloutLabels.PodTemplateHash] = podHash;
        var podAnnotations = new Dictionary<string, string>(template.Metadata.Annotations ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        EphemeralMetadata.Apply(podLabels, podAnnotations, null, podMetadata);
        template.Metadata.Labels = podLabels;
        template.Metadata.Annotations = podAnnotations.Count == 0 ? null : podAnnotations;
        var affinity = template.Spec?.AdditionalProperties?.TryGetValue("affinity", out var written) == true ? written : (JsonElement?)null;
        if (template.Spec is not null
            && AntiAffinity.Inject(affinity, rollout.Spec.Strategy?.Canary?.AntiAffinity ?? rollout.Spec.Strategy?.BlueGreen?.AntiAffinity, rollout.Status?.StableRS, podHash) is { } injected)
        {
            template.Spec.AdditionalProperties ??= new Dictionary<string, JsonElement>();
            template.Spec.AdditionalProperties["affinity"] = JsonDocument.Parse(injected.ToJsonString()).RootElement.Clone();
        }
        var matchLabels = new Dictionary<string, string>(selector, StringComparer.Ordinal) { [RolloutLabels.PodTemplateHash] = podHash };
        var labels = new Dictionary<string, string>(podLabels, StringComparer.Ordinal) { [RolloutLabels.RolloutName] = rollout.Metadata.Name! };
        return new V1ReplicaSet
        {
            Metadata = new V1ObjectMeta
            {
                Name = $"{rollout.Metadata.Name}-{podHash}",
                Namespace = rollout.Metadata.Namespace,
                Labels = labels,
                Annotations = podMetadata is null
                    ? new Dictionary<string, string>(StringComparer.Ordinal) { [RevisionHistory.Annotation] = revision.ToString(CultureInfo.InvariantCulture) }
                    : new Dictionary<string, string>(StringComparer.Ordinal) { [RevisionHistory.Annotation] = revision.ToString(CultureInfo.InvariantCulture), [EphemeralMetadata.Annotation] = podMetadata },
                OwnerReferences = [OwnerReference(rollout)],
            },
            Spec = new V1ReplicaSetSpec
            {
                Replicas = replicas,
                MinReadySeconds = rollout.Spec.MinReadySeconds,
                Selector = new V1LabelSelector
                {
                    MatchLabels = matchLabels,
                    MatchExpressions = rollout.Spec.Selector?.MatchExpressions,
                },
                Template = template,
            },
        };
    }

    public static V1OwnerReference OwnerReference(Rollout rollout)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        return new V1OwnerReference
        {
            ApiVersion = Rollout.Resource.ApiVersion,
            Kind = Rollout.Resource.Kind,
            Name = rollout.Metadata.Name!,
            Uid = rollout.Metadata.Uid ?? "",
            Controller = true,
            BlockOwnerDeletion = true,
        };
    }
}
