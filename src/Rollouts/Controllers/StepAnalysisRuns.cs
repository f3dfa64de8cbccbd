using System.Globalization;
using System.Text.Json.Nodes;
using Tollgate.Rollouts.Analysis;
using Tollgate.Rollouts.Sync;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Kube.Requests;

namespace Tollgate.Rollouts.Controllers;

/// <summary>Creates, finds, terminates and clears the AnalysisRuns of a rollout's analysis steps.</summary>
public sealed class StepAnalysisRuns(IKubernetesClient client, RolloutCaches caches)
{
    /// <summary>The run for this step: from the cache, else created, else (created meanwhile) read. Never a second one.</summary>
    /// <exception cref="FormatException">A template is missing or an argument cannot be resolved.</exception>
    public Task<AnalysisRun> EnsureAsync(RolloutContext context, int stepIndex, RolloutAnalysis analysis, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return EnsureAsync(context, AnalysisRunNames.ForStep(context.Name, context.PodHash, stepIndex), RolloutLabels.StepRolloutType, stepIndex, analysis, cancellationToken);
    }

    /// <summary>The background run of this revision (spec.strategy.canary.analysis), created once.</summary>
    public Task<AnalysisRun> EnsureBackgroundAsync(RolloutContext context, RolloutAnalysisBackground background, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(background);
        var analysis = new RolloutAnalysis
        {
            Templates = background.Templates,
            Args = background.Args,
            DryRun = background.DryRun,
            MeasurementRetention = background.MeasurementRetention,
        };
        return EnsureAsync(context, AnalysisRunNames.ForBackground(context.Name, context.PodHash), RolloutLabels.BackgroundRolloutType, null, analysis, cancellationToken);
    }

    private async Task<AnalysisRun> EnsureAsync(RolloutContext context, string name, string rolloutType, int? stepIndex, RolloutAnalysis analysis, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        if (caches.AnalysisRuns.Get(context.Namespace, name) is { } cached)
        {
            return cached;
        }

        var run = Build(context, name, rolloutType, stepIndex, analysis);
        try
        {
            return await client.CreateAsync(run, cancellationToken: cancellationToken);
        }
        catch (KubernetesException exception) when (exception.IsAlreadyExists)
        {
            return await client.GetAsync<AnalysisRun>(name, context.Namespace, cancellationToken) ?? run;
        }
    }

    /// <summary>Stops the runs that no longer matter: other revisions', and all of them while aborted.</summary>
    public async Task TerminateStaleAsync(RolloutContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var run in Owned(context))
        {
            var stale = context.Aborted
                || Labels.Value(run.Metadata.Labels, RolloutLabels.PodTemplateHash) != context.PodHash
                || (context.IsFullyPromoted && Labels.Value(run.Metadata.Labels, RolloutLabels.RolloutType) == RolloutLabels.BackgroundRolloutType);
            if (stale && run.Spec.Terminate != true && !IsCompleted(run))
            {
                var patch = new JsonObject { ["spec"] = new JsonObject { ["terminate"] = true } };
                await client.PatchAsync<AnalysisRun>(run.Metadata.Name!, context.Namespace, KubernetesPatch.Merge(patch), cancellationToken: cancellationToken);
            }
        }
    }

    /// <summary>After a retry the aborted attempt's runs of this revision go, so that the steps measure again.</summary>
    public async Task DeleteCurrentRevisionRunsAsync(RolloutContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var run in Owned(context).Where(r => Labels.Value(r.Metadata.Labels, RolloutLabels.PodTemplateHash) == context.PodHash))
        {
            await client.DeleteAsync<AnalysisRun>(run.Metadata.Name!, context.Namespace, cancellationToken: cancellationToken);
        }
    }

    public Task DeleteAsync(RolloutContext context, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return client.DeleteAsync<AnalysisRun>(name, context.Namespace, cancellationToken: cancellationToken);
    }

    private static bool IsCompleted(AnalysisRun run) => run.Status?.Phase is "Successful" or "Failed" or "Error" or "Inconclusive";

    private IEnumerable<AnalysisRun> Owned(RolloutContext context) =>
        caches.AnalysisRuns.ListByLabel(RolloutLabels.RolloutName, context.Name, context.Namespace)
            .Where(r => r.Metadata.OwnerReferences?.Any(o => o.Uid == context.Rollout.Metadata.Uid) == true);

    private AnalysisRun Build(RolloutContext context, string name, string rolloutType, int? stepIndex, RolloutAnalysis analysis)
    {
        var metrics = new List<Metric>();
        var templateArguments = new List<Argument>();
        var dryRun = new List<DryRun>(analysis.DryRun ?? []);
        var retention = new List<Tollgate.Shared.Entities.Rollouts.MeasurementRetention>(analysis.MeasurementRetention ?? []);
        foreach (var reference in analysis.Templates ?? [])
        {
            var spec = reference.ClusterScope == true
                ? caches.ClusterTemplates.Get(null, reference.TemplateName ?? "")?.Spec
                : caches.Templates.Get(context.Namespace, reference.TemplateName ?? "")?.Spec;
            if (spec is null)
            {
                throw new FormatException($"{(reference.ClusterScope == true ? "ClusterAnalysisTemplate" : "AnalysisTemplate")} \"{reference.TemplateName}\" not found");
            }

            metrics.AddRange(spec.Metrics ?? []);
            templateArguments.AddRange(spec.Args ?? []);
            dryRun.AddRange(spec.DryRun ?? []);
            retention.AddRange(spec.MeasurementRetention ?? []);
        }

        var arguments = RunArgumentsBuilder.Build(context.Rollout, templateArguments, analysis.Args, context.Status.StableRS, context.PodHash);
        var missing = arguments.FirstOrDefault(a => a.Value is null && a.ValueFrom is null);
        if (missing is not null)
        {
            throw new FormatException($"argument \"{missing.Name}\" has no value");
        }

        return new AnalysisRun
        {
            Metadata = new V1ObjectMeta
            {
                Name = name,
                Namespace = context.Namespace,
                Labels = RunLabels(context, rolloutType, stepIndex),
                OwnerReferences = [ReplicaSetSync.OwnerReference(context.Rollout)],
            },
            Spec = new AnalysisRunSpec
            {
                Metrics = metrics,
                Args = arguments.Count == 0 ? null : arguments,
                DryRun = dryRun.Count == 0 ? null : dryRun,
                MeasurementRetention = retention.Count == 0 ? null : retention,
            },
        };
    }

    private static Dictionary<string, string> RunLabels(RolloutContext context, string rolloutType, int? stepIndex)
    {
        var labels = new Dictionary<string, string>
        {
            [RolloutLabels.PodTemplateHash] = context.PodHash,
            [RolloutLabels.RolloutType] = rolloutType,
            [RolloutLabels.RolloutName] = context.Name,
        };
        if (stepIndex is { } index)
        {
            labels[RolloutLabels.StepIndex] = index.ToString(CultureInfo.InvariantCulture);
        }

        return labels;
    }
}
