using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Kube.Requests;

namespace Tollgate.Rollouts.Sync;

/// <summary>
/// A pod template with the API server's defaults applied, as a ReplicaSet made from it stores it: a server-side dry-run
/// create of a PodTemplate (Argo applies the same defaulting in-process, with the Kubernetes version it was built with;
/// the API server's is the version that defaulted the live ReplicaSets). Nothing is stored; the answer is remembered per
/// namespace and template hash, as it depends on nothing else.
/// </summary>
public sealed class PodTemplateDefaults(IKubernetesClient client)
{
    private const int Remembered = 1024;
    private readonly ConcurrentDictionary<(string Namespace, string Hash), JsonNode> defaulted = new();

    public async Task<JsonNode> ApplyAsync(string @namespace, V1PodTemplateSpec template, string hash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (defaulted.TryGetValue((@namespace, hash), out var known))
        {
            return known.DeepClone();
        }

        var probe = new V1PodTemplate
        {
            Metadata = new V1ObjectMeta { GenerateName = "tollgate-defaults-", Namespace = @namespace },
            Template = template,
        };
        V1PodTemplateSpec result;
        try
        {
            result = (await client.CreateAsync(probe, new WriteOptions { DryRun = true }, cancellationToken)).Template ?? new V1PodTemplateSpec();
        }
        catch (KubernetesException exception) when (exception.IsInvalid)
        {
            // A template the API server refuses matches no live ReplicaSet; creating one reports the same refusal.
            result = template;
        }

        var node = JsonSerializer.SerializeToNode(result, RolloutsJsonContext.Default.V1PodTemplateSpec) ?? new JsonObject();
        if (defaulted.Count >= Remembered)
        {
            defaulted.Clear();
        }

        defaulted[(@namespace, hash)] = node;
        return node.DeepClone();
    }
}
