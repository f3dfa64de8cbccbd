using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Config;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Kube.Requests;

namespace Tollgate.LocalRun;

/// <summary>Whether the API server calls the Tollgate webhooks yet, from a write only they refuse.</summary>
public static class WebhookProbe
{
    /// <summary>Tollgate's break-glass annotation (TollgateSettings.BreakGlassAnnotation): only its group may set it.</summary>
    private const string BreakGlassAnnotation = "tollgate.dev/break-glass";

    /// <summary>
    /// A dry-run ConfigMap in <c>default</c> carrying the break-glass annotation, by a developer outside the break-glass
    /// group: the guard refuses it naming the annotation; before the API server calls the guard, it is accepted.
    /// </summary>
    public static async Task<bool> GuardAnswersAsync(KubernetesClientConfiguration developer, CancellationToken cancellationToken)
    {
        using var client = new KubernetesClient(developer);
        var probe = new V1ConfigMap
        {
            Metadata = new V1ObjectMeta
            {
                Name = "tollgate-local-ready-probe",
                Namespace = "default",
                Annotations = new Dictionary<string, string> { [BreakGlassAnnotation] = "make run readiness probe" },
            },
        };
        try
        {
            await client.CreateAsync(probe, new WriteOptions { DryRun = true }, cancellationToken);
            return false;
        }
        catch (KubernetesException e)
        {
            return e.Message.Contains(BreakGlassAnnotation, StringComparison.Ordinal);
        }
    }
}
