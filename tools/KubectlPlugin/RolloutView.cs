using System.Globalization;
using System.Text;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.KubectlPlugin;

/// <summary>Renders `get rollout`: summary, steps with the current one marked, ReplicaSets and analysis measurements.</summary>
public static class RolloutView
{
    private const string HashLabel = "rollouts-pod-template-hash";

    private const string ScaleDownDeadlineAnnotation = "argo-rollouts.argoproj.io/scale-down-deadline";

    public static string Render(Rollout rollout, IEnumerable<V1ReplicaSet> replicaSets, IEnumerable<AnalysisRun> analysisRuns)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        var status = rollout.Status ?? new RolloutStatus();
        var steps = rollout.Spec.Strategy?.Canary?.Steps ?? [];
        var current = status.CurrentStepIndex ?? 0;
        var text = new StringBuilder();
        Line(text, "Name:", rollout.Metadata.Name);
        Line(text, "Namespace:", rollout.Metadata.Namespace);
        Line(text, "Status:", $"{Symbol(status.Phase)} {status.Phase}");
        if (!string.IsNullOrEmpty(status.Message))
        {
            Line(text, "Message:", status.Message);
        }

        var blueGreen = rollout.Spec.Strategy?.BlueGreen is not null;
        if (blueGreen)
        {
            Line(text, "Strategy:", "BlueGreen");
            Line(text, "  Active:", status.BlueGreen?.ActiveSelector ?? "-");
            Line(text, "  Preview:", status.BlueGreen?.PreviewSelector ?? "-");
        }
        else
        {
            Line(text, "Strategy:", "Canary");
            Line(text, "  Step:", $"{Math.Min(current, steps.Count).ToString(CultureInfo.InvariantCulture)}/{steps.Count.ToString(CultureInfo.InvariantCulture)}");
            // Once the current revision is the stable one it has all the weight, as kubectl-argo-rollouts shows it.
            var complete = status.CurrentPodHash is not null && status.StableRS == status.CurrentPodHash;
            var setWeight = complete ? 100 : status.Canary?.Weights?.Canary.Weight ?? 0;
            Line(text, "  SetWeight:", setWeight.ToString(CultureInfo.InvariantCulture));
            Line(text, "  StableWeight:", (status.Canary?.Weights?.Stable.Weight ?? 100).ToString(CultureInfo.InvariantCulture));
        }

        Line(text, "Replicas:", "");
        Line(text, "  Desired:", (rollout.Spec.Replicas ?? 1).ToString(CultureInfo.InvariantCulture));
        Line(text, "  Current:", (status.Replicas ?? 0).ToString(CultureInfo.InvariantCulture));
        Line(text, "  Updated:", (status.UpdatedReplicas ?? 0).ToString(CultureInfo.InvariantCulture));
        Line(text, "  Ready:", (status.ReadyReplicas ?? 0).ToString(CultureInfo.InvariantCulture));
        Line(text, "  Available:", (status.AvailableReplicas ?? 0).ToString(CultureInfo.InvariantCulture));

        if (!blueGreen)
        {
            text.Append("\nSteps:\n");
            for (var index = 0; index < steps.Count; index++)
            {
                var marker = index < current ? "✔" : index == current && status.StableRS != status.CurrentPodHash ? "→" : " ";
                text.Append(CultureInfo.InvariantCulture, $"  {marker} {index + 1,2}. {Describe(steps[index])}\n");
            }
        }

        var roleWidth = blueGreen ? 21 : 7;
        text.Append("\nReplicaSets:\n");
        text.Append(CultureInfo.InvariantCulture, $"  {"NAME",-40} {"ROLE".PadRight(roleWidth)} {"DESIRED",7} {"CURRENT",7} {"READY",5} {"AVAILABLE",9}{(blueGreen ? "  SCALE-DOWN AT" : "")}\n");
        foreach (var replicaSet in replicaSets.OrderByDescending(rs => rs.Metadata.CreationTimestamp))
        {
            var hash = replicaSet.Metadata.Labels is { } labels && labels.TryGetValue(HashLabel, out var h) ? h : "";
            var role = blueGreen ? BlueGreenRole(status, hash) : hash == status.StableRS ? "stable" : hash == status.CurrentPodHash ? "canary" : "old";
            var deadline = blueGreen && replicaSet.Metadata.Annotations?.TryGetValue(ScaleDownDeadlineAnnotation, out var at) == true ? "  " + at : "";
            text.Append(CultureInfo.InvariantCulture,
                $"  {replicaSet.Metadata.Name,-40} {role.PadRight(roleWidth)} {replicaSet.Spec?.Replicas ?? 0,7} {replicaSet.Status?.Replicas ?? 0,7} {replicaSet.Status?.ReadyReplicas ?? 0,5} {replicaSet.Status?.AvailableReplicas ?? 0,9}{deadline}\n");
        }

        var runs = analysisRuns.OrderBy(r => r.Metadata.CreationTimestamp).ToList();
        if (runs.Count > 0)
        {
            text.Append("\nAnalysisRuns:\n");
            foreach (var run in runs)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {Symbol(run.Status?.Phase)} {run.Metadata.Name} {run.Status?.Phase ?? "Pending"}\n");
                foreach (var metric in run.Status?.MetricResults ?? [])
                {
                    var values = string.Join(" ", (metric.Measurements ?? []).Select(m => $"{Symbol(m.Phase)}{m.Value ?? m.Message}"));
                    text.Append(CultureInfo.InvariantCulture, $"      {metric.Name} {metric.Phase} ({metric.Successful ?? 0} ok, {metric.Failed ?? 0} failed, {metric.Error ?? 0} error): {values}\n");
                }
            }
        }

        return text.ToString();
    }

    /// <summary>The roles kubectl-argo-rollouts lists for a blue-green ReplicaSet: stable, active, preview.</summary>
    private static string BlueGreenRole(RolloutStatus status, string hash)
    {
        var roles = new List<string>();
        if (hash == status.StableRS)
        {
            roles.Add("stable");
        }

        if (hash == status.BlueGreen?.ActiveSelector)
        {
            roles.Add("active");
        }

        if (hash == status.BlueGreen?.PreviewSelector && hash != status.BlueGreen?.ActiveSelector)
        {
            roles.Add("preview");
        }

        return roles.Count == 0 ? "old" : string.Join(",", roles);
    }

    private static void Line(StringBuilder text, string label, string? value) =>
        text.Append(CultureInfo.InvariantCulture, $"{label,-16}{value}\n");

    private static string Describe(CanaryStep step) => step switch
    {
        { SetWeight: { } weight } => $"setWeight: {weight.ToString(CultureInfo.InvariantCulture)}",
        { Pause: { Duration: { } duration } } => $"pause: {duration}",
        { Pause: not null } => "pause: until promoted",
        { Analysis: { } analysis } => $"analysis: {string.Join(", ", (analysis.Templates ?? []).Select(t => t.TemplateName))}",
        { SetCanaryScale: { } scale } => $"setCanaryScale: {(scale.MatchTrafficWeight == true ? "matchTrafficWeight" : scale.Replicas is { } r ? $"{r.ToString(CultureInfo.InvariantCulture)} replicas" : $"weight {scale.Weight?.ToString(CultureInfo.InvariantCulture)}")}",
        _ => "unsupported step",
    };

    private static string Symbol(string? phase) => phase switch
    {
        "Healthy" or "Successful" => "✔",
        "Paused" or "Inconclusive" => "॥",
        "Degraded" or "Failed" or "Error" => "✖",
        "Progressing" or "Running" => "◌",
        _ => "?",
    };
}
