using System.Globalization;
using System.Text.Json.Nodes;
using Tollgate.Rollouts.Analysis;
using Tollgate.Rollouts.Strategy;
using Tollgate.Rollouts.Sync;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Kube.Requests;

namespace Tollgate.Rollouts.Controllers;

/// <summary>The AnalysisRun writes of the rollout controller: create a step's or the background run, terminate, delete.</summary>
public sealed class StepAnalysisRuns(IKubernetesClient client, RolloutCaches caches)
{
    /// <summary>Creates the run <paramref name="name"/> of step <paramref name="stepIndex"/> (null: the background analysis); one that exists already is left as it is.</summary>
    /// <exception cref="FormatException">A template is missing or an argument cannot be resolved.</exception>
    public async Task CreateAsync(Rollout rollout, string podHash, string name, int? stepIndex, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        var canary = rollout.Spec.Strategy?.Canary;
        RolloutAnalysis analysis;
        if (stepIndex is { } index)
        {
            analysis = canary?.Steps?.ElementAtOrDefault(index)?.Analysis ?? throw new FormatException($"step {index + 1} is not an analysis step");
        }
        else
        {
            var background = canary?.Analysis ?? throw new FormatException("the rollout has no background analysis");
            analysis = new RolloutAnalysis
            {
                Templates = background.Templates,
                Args = background.Args,
                DryRun = background.DryRun,
                MeasurementRetention = background.MeasurementRetention,
            };
        }

        var run = Build(rollout, podHash, name, stepIndex is null ? RolloutLabels.BackgroundRolloutType : RolloutLabels.StepRolloutType, stepIndex, analysis);
        try
        {
            await client.CreateAsync(run, cancellationToken: cancellationToken);
        }
        catch (KubernetesException exception) when (exception.IsAlreadyExists)
        {
            // Created by an earlier reconcile whose cache had not caught up: the name rule makes it the same run.
        }
    }

    /// <summary>Creates a blue-green pre- or post-promotion run; one that exists already is left as it is.</summary>
    /// <exception cref="FormatException">A template is missing or an argument cannot be resolved.</exception>
    public async Task CreatePromotionAsync(Rollout rollout, string podHash, string name, bool postPromotion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        var blueGreen = rollout.Spec.Strategy?.BlueGreen;
        var analysis = (postPromotion ? blueGreen?.PostPromotionAnalysis : blueGreen?.PrePromotionAnalysis)
            ?? throw new FormatException($"the rollout has no {(postPromotion ? "postPromotionAnalysis" : "prePromotionAnalysis")}");
        var rolloutType = postPromotion ? BlueGreenStateMachine.PostPromotionRolloutType : BlueGreenStateMachine.PrePromotionRolloutType;
        try
        {
            await client.CreateAsync(Build(rollout, podHash, name, rolloutType, null, analysis), cancellationToken: cancellationToken);
        }
        catch (KubernetesException exception) when (exception.IsAlreadyExists)
        {
            // Created by an earlier reconcile whose cache had not caught up: the name rule makes it the same run.
        }
    }

    public Task TerminateAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        var patch = new JsonObject { ["spec"] = new JsonObject { ["terminate"] = true } };
        return client.PatchAsync<AnalysisRun>(name, @namespace, KubernetesPatch.Merge(patch), cancellationToken: cancellationToken);
    }

    /// <summary>Deletes the run; one already gone is fine.</summary>
    public Task DeleteAsync(string @namespace, string name, CancellationToken cancellationToken) =>
        client.DeleteAsync<AnalysisRun>(name, @namespace, cancellationToken: cancellationToken);

    private AnalysisRun Build(Rollout rollout, string podHash, string name, string rolloutType, int? stepIndex, RolloutAnalysis analysis)
    {
        var metrics = new List<Metric>();
        var templateArguments = new List<Argument>();
        var dryRun = new List<DryRun>(analysis.DryRun ?? []);
        var retention = new List<Tollgate.Shared.Entities.Rollouts.MeasurementRetention>(analysis.MeasurementRetention ?? []);
        foreach (var reference in analysis.Templates ?? [])
        {
            var spec = reference.ClusterScope == true
                ? caches.ClusterTemplates.Get(null, reference.TemplateName ?? "")?.Spec
                : caches.Templates.Get(rollout.Metadata.Namespace, reference.TemplateName ?? "")?.Spec;
            if (spec is null)
            {
                throw new FormatException($"{(reference.ClusterScope == true ? "ClusterAnalysisTemplate" : "AnalysisTemplate")} \"{reference.TemplateName}\" not found");
            }

            metrics.AddRange(spec.Metrics ?? []);
            templateArguments.AddRange(spec.Args ?? []);
            dryRun.AddRange(spec.DryRun ?? []);
            retention.AddRange(spec.MeasurementRetention ?? []);
        }

        var arguments = RunArgumentsBuilder.Build(rollout, templateArguments, analysis.Args, rollout.Status?.StableRS, podHash);
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
                Namespace = rollout.Metadata.Namespace,
                Labels = RunLabels(rollout, podHash, rolloutType, stepIndex),
                OwnerReferences = [ReplicaSetSync.OwnerReference(rollout)],
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

    private static Dictionary<string, string> RunLabels(Rollout rollout, string podHash, string rolloutType, int? stepIndex)
    {
        var labels = new Dictionary<string, string>
        {
            [RolloutLabels.PodTemplateHash] = podHash,
            [RolloutLabels.RolloutType] = rolloutType,
            [RolloutLabels.RolloutName] = rollout.Metadata.Name ?? "",
        };
        if (stepIndex is { } index)
        {
            labels[RolloutLabels.StepIndex] = index.ToString(CultureInfo.InvariantCulture);
        }

        return labels;
    }
}
