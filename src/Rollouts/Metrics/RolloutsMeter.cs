using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

using Tollgate.Rollouts.Status;
namespace Tollgate.Rollouts.Metrics;

/// <summary>
/// Rollout and analysis gauges, read at scrape time from the latest state each reconcile reported
/// (tollgate_rollout_*, tollgate_analysis_run_*).
/// </summary>
public sealed class RolloutsMeter : IDisposable
{
    public const string MeterName = "Tollgate.Rollouts";

    private static readonly string[] RolloutPhases = ["Healthy", "Progressing", "Paused", "Degraded"];
    private static readonly string[] AnalysisPhases = ["Pending", "Running", "Successful", "Failed", "Error", "Inconclusive"];

    private readonly Meter meter;
    private readonly ConcurrentDictionary<(string Namespace, string Name), RolloutSnapshot> rollouts = new();
    private readonly ConcurrentDictionary<(string Namespace, string Name), AnalysisRunSnapshot> runs = new();

    public RolloutsMeter(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        meter = meterFactory.Create(MeterName);
        meter.CreateObservableGauge("tollgate.rollout.info", ObserveInfo, description: "1 for every rollout, labelled with its phase");
        meter.CreateObservableGauge("tollgate.rollout.phase", ObservePhase, description: "1 for the rollout's current phase, 0 for the others");
        meter.CreateObservableGauge("tollgate.rollout.current.step", () => rollouts.Select(r => Measure(r.Value.CurrentStep, r.Key)), description: "Index of the canary step being executed");
        meter.CreateObservableGauge("tollgate.rollout.canary.weight", () => rollouts.Select(r => Measure(r.Value.CanaryWeight, r.Key)), description: "Canary weight in percent");
        meter.CreateObservableGauge("tollgate.analysis.run.phase", ObserveRunPhase, description: "1 for the AnalysisRun's current phase, 0 for the others");
        meter.CreateObservableGauge("tollgate.analysis.run.metric.phase", ObserveMetricPhase, description: "1 for each metric's current phase, 0 for the others");
        meter.CreateObservableGauge("tollgate.analysis.run.metric.value", ObserveMetricValue, description: "The last measured value of each metric (first element of a vector)");
    }

    public void ReportRollout(string @namespace, string name, string phase, int currentStep, int canaryWeight) =>
        rollouts[(@namespace, name)] = new RolloutSnapshot(phase, currentStep, canaryWeight);

    public void ForgetRollout(string @namespace, string name) => rollouts.TryRemove((@namespace, name), out _);

    public void ReportAnalysisRun(string @namespace, string name, string phase, IReadOnlyList<(string Metric, string Phase, double? Value)> metrics) =>
        runs[(@namespace, name)] = new AnalysisRunSnapshot(phase, metrics);

    public void ForgetAnalysisRun(string @namespace, string name) => runs.TryRemove((@namespace, name), out _);

    public void Dispose() => meter.Dispose();

    private static Measurement<int> Measure(int value, (string Namespace, string Name) key) =>
        new(value, new KeyValuePair<string, object?>("namespace", key.Namespace), new KeyValuePair<string, object?>("name", key.Name));

    private IEnumerable<Measurement<int>> ObserveInfo() =>
        rollouts.Select(r => new Measurement<int>(
            1,
            new KeyValuePair<string, object?>("namespace", r.Key.Namespace),
            new KeyValuePair<string, object?>("name", r.Key.Name),
            new KeyValuePair<string, object?>("phase", r.Value.Phase)));

    private IEnumerable<Measurement<int>> ObservePhase() =>
        rollouts.SelectMany(r => RolloutPhases.Select(phase => new Measurement<int>(
            phase == r.Value.Phase ? 1 : 0,
            new KeyValuePair<string, object?>("namespace", r.Key.Namespace),
            new KeyValuePair<string, object?>("name", r.Key.Name),
            new KeyValuePair<string, object?>("phase", phase))));

    private IEnumerable<Measurement<int>> ObserveRunPhase() =>
        runs.SelectMany(r => AnalysisPhases.Select(phase => new Measurement<int>(
            phase == r.Value.Phase ? 1 : 0,
            new KeyValuePair<string, object?>("namespace", r.Key.Namespace),
            new KeyValuePair<string, object?>("name", r.Key.Name),
            new KeyValuePair<string, object?>("phase", phase))));

    private IEnumerable<Measurement<int>> ObserveMetricPhase() =>
        runs.SelectMany(r => r.Value.Metrics.SelectMany(m => AnalysisPhases.Select(phase => new Measurement<int>(
            phase == m.Phase ? 1 : 0,
            new KeyValuePair<string, object?>("namespace", r.Key.Namespace),
            new KeyValuePair<string, object?>("name", r.Key.Name),
            new KeyValuePair<string, object?>("metric", m.Metric),
            new KeyValuePair<string, object?>("phase", phase)))));

    private IEnumerable<Measurement<double>> ObserveMetricValue() =>
        runs.SelectMany(r => r.Value.Metrics.Where(m => m.Value is not null).Select(m => new Measurement<double>(
            m.Value!.Value,
            new KeyValuePair<string, object?>("namespace", r.Key.Namespace),
            new KeyValuePair<string, object?>("name", r.Key.Name),
            new KeyValuePair<string, object?>("metric", m.Metric))));

    private sealed record RolloutSnapshot(string Phase, int CurrentStep, int CanaryWeight);

    private sealed record AnalysisRunSnapshot(string Phase, IReadOnlyList<(string Metric, string Phase, double? Value)> Metrics);
}
