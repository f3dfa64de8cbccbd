using System.Collections.Concurrent;
using System.Globalization;
using Tollgate.Rollouts.Sync;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Kube.Watch;

namespace Tollgate.Reliability.Tests.Rollouts;

/// <summary>
/// Watches one namespace's pods, ReplicaSets, AnalysisRuns and Rollouts (list, then watch, resumed and re-listed
/// across API server restarts) and checks <see cref="CanaryInvariants"/> on every event of each stream. Also records
/// what a fault test asserts on: every stable hash the Rollout ever reported, every measurement ever seen. For a
/// blue-green Rollout it also watches the active Service and keeps every state of it and of the ReplicaSets, for
/// <see cref="BlueGreenInvariants"/>.
/// </summary>
public sealed class RolloutObserver : IAsyncDisposable
{
    private readonly KubernetesClient client;
    private readonly string @namespace;
    private readonly CanaryLimits limits;
    private readonly CancellationTokenSource stop = new();
    private readonly List<Task> streams = [];
    private readonly Dictionary<string, PodView> pods = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ReplicaSetView> replicaSets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StepRunView> stepRuns = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ObservedMeasurement> measurements = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> stableHashes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ServiceState> activeStates = new();
    private readonly ConcurrentQueue<ReplicaSetState> replicaSetStates = new();
    private readonly string? activeService;
    private long armedAt;
    private volatile bool armed;
    private volatile string? stableHash;
    private int relists;
    private int retries;
    private int events;
    private int stableGoneEarly;

    /// <param name="activeService">The blue-green active Service to follow, or null for a canary.</param>
    public RolloutObserver(KubernetesClient client, string @namespace, CanaryLimits limits, string? activeService = null)
    {
        this.client = client;
        this.@namespace = @namespace;
        this.limits = limits;
        this.activeService = activeService;
        if (activeService is not null)
        {
            streams.Add(Task.Run(() => WatchAsync(client.Resource<V1Service>(), OnServices, stop.Token)));
        }

        streams.Add(Task.Run(() => WatchAsync(client.Resource<V1Pod>(), OnPods, stop.Token)));
        streams.Add(Task.Run(() => WatchAsync(client.Resource<V1ReplicaSet>(), OnReplicaSets, stop.Token)));
        streams.Add(Task.Run(() => WatchAsync(client.Resource<AnalysisRun>(), OnRuns, stop.Token)));
        streams.Add(Task.Run(() => WatchAsync(client.Resource<Rollout>(), OnRollouts, stop.Token)));
    }

    public ConcurrentQueue<string> Violations { get; } = new();

    public int MaxPods { get; private set; }

    /// <summary>The fewest Ready pods seen once armed (int.MaxValue before).</summary>
    public int MinReady { get; private set; } = int.MaxValue;

    public int Relists => Volatile.Read(ref relists);

    public int Retries => Volatile.Read(ref retries);

    public int Events => Volatile.Read(ref events);

    /// <summary>ReplicaSet events showing the stable at 0 before the canary was fully available (within maxUnavailable).</summary>
    public int StableGoneEarly => Volatile.Read(ref stableGoneEarly);

    /// <summary>Every status.stableRS the Rollout ever reported.</summary>
    public IReadOnlyCollection<string> StableHashes => [.. stableHashes.Keys];

    /// <summary>Every measurement of every run, as last seen (keyed by run, metric and start time).</summary>
    public IReadOnlyCollection<ObservedMeasurement> Measurements => [.. measurements.Values];

    public IReadOnlyCollection<StepRunView> StepRuns => [.. stepRuns.Values];

    /// <summary>From now on the availability floor holds, and the stable ReplicaSet is the one of <paramref name="stable"/>.</summary>
    public void Arm(string stable)
    {
        stableHash = stable;
        armed = true;
    }

    /// <summary><see cref="Arm"/>, and from the API server's current resourceVersion on the active Service's history is checked too.</summary>
    public async Task ArmAsync(string stable, CancellationToken cancellationToken)
    {
        var now = await client.ListAsync<V1Service>(@namespace, cancellationToken: cancellationToken);
        Interlocked.Exchange(ref armedAt, long.Parse(now.Metadata.ResourceVersion!, CultureInfo.InvariantCulture));
        Arm(stable);
    }

    /// <summary>Where the active Service selected a ReplicaSet that was not fully available (none for a canary).</summary>
    public IReadOnlyList<string> ActiveServiceViolations() =>
        activeService is null ? [] : BlueGreenInvariants.OfActiveService(Interlocked.Read(ref armedAt), [.. activeStates], [.. replicaSetStates]);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await Task.WhenAll(streams);
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
    }

    private async Task WatchAsync<T>(ResourceClient<T> resource, Action<Dictionary<string, T>> onChange, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var current = new Dictionary<string, T>(StringComparer.Ordinal);
        var watch = new ListWatch<T>(resource)
        {
            MaxBackoff = TimeSpan.FromSeconds(2),
            OnRelist = () => Interlocked.Increment(ref relists),
            OnRetry = (_, _) => Interlocked.Increment(ref retries),
        };
        await foreach (var change in watch.RunAsync(@namespace, cancellationToken: cancellationToken))
        {
            Interlocked.Increment(ref events);
            switch (change.Type)
            {
                case ListWatchEventType.Listed:
                    current = change.Items!.ToDictionary(o => o.Metadata.Name!, StringComparer.Ordinal);
                    break;
                case ListWatchEventType.Deleted:
                    current.Remove(change.Object!.Metadata.Name!);
                    break;
                default:
                    current[change.Object!.Metadata.Name!] = change.Object;
                    break;
            }

            onChange(current);
        }
    }

    private void OnPods(Dictionary<string, V1Pod> current)
    {
        var views = current.Values.Select(p => new PodView(
            Label(p.Metadata, RolloutLabels.PodTemplateHash),
            p.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true,
            p.Metadata.DeletionTimestamp is not null)).ToList();
        MaxPods = Math.Max(MaxPods, views.Count(p => !p.Terminating));
        var limitsNow = limits with { AvailabilityArmed = armed };
        if (armed)
        {
            MinReady = Math.Min(MinReady, views.Count(p => p.Ready && !p.Terminating));
        }

        Record(CanaryInvariants.OfPods(limitsNow, views));
    }

    private void OnReplicaSets(Dictionary<string, V1ReplicaSet> current)
    {
        foreach (var rs in current.Values)
        {
            replicaSetStates.Enqueue(new ReplicaSetState(
                Version(rs.Metadata), Label(rs.Metadata, RolloutLabels.PodTemplateHash), rs.Spec?.Replicas ?? 0, rs.Status?.AvailableReplicas ?? 0));
        }

        if (stableHash is not { } stable)
        {
            return;
        }

        var views = current.Values.Select(rs => new ReplicaSetView(Label(rs.Metadata, RolloutLabels.PodTemplateHash), rs.Spec?.Replicas ?? 0, rs.Status?.AvailableReplicas ?? 0)).ToList();
        Record(CanaryInvariants.OfReplicaSets(limits, stable, views));
        if (CanaryInvariants.StableGoneBeforeCanaryFull(limits, stable, views))
        {
            Interlocked.Increment(ref stableGoneEarly);
        }
    }

    private void OnRuns(Dictionary<string, AnalysisRun> current)
    {
        foreach (var run in current.Values)
        {
            // A step's run, or a blue-green pre- or post-promotion run (one per pod template each).
            var type = Label(run.Metadata, RolloutLabels.RolloutType);
            var step = run.Metadata.Labels?.TryGetValue(RolloutLabels.StepIndex, out var index) == true ? index
                : type is "PrePromotion" or "PostPromotion" ? type : null;
            if (step is not null)
            {
                stepRuns.TryAdd(run.Metadata.Uid!, new StepRunView(run.Metadata.Uid!, Label(run.Metadata, RolloutLabels.PodTemplateHash), step));
            }

            foreach (var metric in run.Status?.MetricResults ?? [])
            {
                foreach (var measurement in metric.Measurements ?? [])
                {
                    var key = $"{run.Metadata.Uid}/{metric.Name}/{measurement.StartedAt:O}";
                    measurements[key] = new ObservedMeasurement(run.Metadata.Name!, metric.Name, measurement.Phase, measurement.Message, measurement.Value, measurement.StartedAt);
                }
            }
        }

        Record(CanaryInvariants.OfStepRuns(StepRuns));
    }

    private void OnRollouts(Dictionary<string, Rollout> current)
    {
        foreach (var rollout in current.Values)
        {
            if (rollout.Status?.StableRS is { Length: > 0 } stable)
            {
                stableHashes.TryAdd(stable, 0);
            }
        }
    }

    private void OnServices(Dictionary<string, V1Service> current)
    {
        if (current.TryGetValue(activeService!, out var service))
        {
            var hash = service.Spec?.Selector?.TryGetValue(RolloutLabels.PodTemplateHash, out var selected) == true ? selected : null;
            activeStates.Enqueue(new ServiceState(Version(service.Metadata), hash));
        }
    }

    private void Record(IReadOnlyList<string> found)
    {
        foreach (var violation in found)
        {
            Violations.Enqueue($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {violation}");
        }
    }

    private static long Version(V1ObjectMeta metadata) => long.Parse(metadata.ResourceVersion!, CultureInfo.InvariantCulture);

    private static string Label(V1ObjectMeta metadata, string key) =>
        metadata.Labels is { } labels && labels.TryGetValue(key, out var value) ? value : "";
}
