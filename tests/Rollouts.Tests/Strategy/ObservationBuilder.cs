using System.Text.Json;
using Tollgate.Rollouts.Status;
using Tollgate.Rollouts.Canary;
using Tollgate.Rollouts.Strategy;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Model = Tollgate.Shared.Entities.Rollouts;

namespace Tollgate.Rollouts.Tests.Strategy;

/// <summary>Builds what the state machine observes, with options, the way cert-manager's test builders do.</summary>
internal sealed class ObservationBuilder
{
    public const string NewHash = "new";
    public const string StableHash = "stable";
    public const string StepHash = "steps";
    public const string Name = "web";

    public static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    private readonly Rollout rollout;
    private readonly List<ObservedReplicaSet> replicaSets = [];
    private readonly List<ObservedAnalysisRun> runs = [];
    private readonly Dictionary<string, string> problems = new(StringComparer.Ordinal);
    private List<ObservedPod>? pods;
    private string? invalidSpec;
    private readonly string podHash = NewHash;
    private readonly string stepHash = StepHash;

    private ObservationBuilder(int replicas, IEnumerable<string> steps)
    {
        rollout = new Rollout
        {
            Metadata = new V1ObjectMeta { Name = Name, Namespace = "shop", Uid = "uid-1", Generation = 1 },
            Spec = new RolloutSpec
            {
                Replicas = replicas,
                Strategy = new RolloutStrategy { Canary = new CanaryStrategy { Steps = [.. steps.Select(Step)] } },
            },
            Status = new RolloutStatus { CurrentPodHash = NewHash, CurrentStepHash = StepHash, CurrentStepIndex = 0, ObservedGeneration = "1" },
        };
    }

    public RolloutStatus Status => rollout.Status!;

    public IDictionary<string, string> Annotations => rollout.Metadata.Annotations ??= new Dictionary<string, string>();

    public RolloutSpec Spec => rollout.Spec;

    public CanaryStrategy Strategy => rollout.Spec.Strategy!.Canary!;

    /// <summary>A canary of <paramref name="replicas"/> pods with steps such as "w10", "p", "p30s", "a", "scale2", "scalew40".</summary>
    public static ObservationBuilder Canary(int replicas, params string[] steps) => new(replicas, steps);

    /// <summary>The seed's shape: 10 pods, 10/30/50/100 with indefinite pauses between them.</summary>
    public static ObservationBuilder Seed() => Canary(10, "w10", "p", "w30", "p", "w50", "p", "w100");

    public ObservationBuilder FirstDeploy()
    {
        rollout.Status = null;
        return this;
    }

    public ObservationBuilder WithStable(int spec, int? available = null, long revision = 1, string hash = StableHash, int? replicas = null, string? injectedMetadata = null)
    {
        replicaSets.Add(new ObservedReplicaSet($"{Name}-{hash}", hash, spec, replicas ?? spec, available ?? spec, available ?? spec, revision, Now.AddHours(-2), InjectedMetadata: injectedMetadata));
        Status.StableRS = hash;
        return this;
    }

    public ObservationBuilder WithNew(int spec, int? available = null, int? replicas = null, long revision = 2, int ageMinutes = 10, string? injectedMetadata = null)
    {
        replicaSets.Add(new ObservedReplicaSet($"{Name}-{NewHash}", NewHash, spec, replicas ?? spec, available ?? spec, available ?? spec, revision, Now.AddMinutes(-ageMinutes), InjectedMetadata: injectedMetadata));
        Annotations[RevisionHistory.Annotation] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return this;
    }

    public ObservationBuilder WithOld(string hash, int spec, int? available = null, long revision = 1, int ageMinutes = 60, int? replicas = null)
    {
        replicaSets.Add(new ObservedReplicaSet($"{Name}-{hash}", hash, spec, replicas ?? spec, available ?? spec, available ?? spec, revision, Now.AddMinutes(-ageMinutes)));
        return this;
    }

    /// <summary>The ReplicaSet of <paramref name="hash"/> carries the scale-down-deadline annotation (as written before a restart).</summary>
    public ObservationBuilder WithDeadline(string hash, string deadline)
    {
        var index = replicaSets.FindIndex(rs => rs.PodHash == hash);
        replicaSets[index] = replicaSets[index] with { ScaleDownDeadline = deadline };
        return this;
    }

    /// <summary>The new template is the stable one: a fully promoted rollout.</summary>
    public ObservationBuilder Promoted(int replicas, long revision = 1, int? available = null)
    {
        replicaSets.Add(new ObservedReplicaSet($"{Name}-{NewHash}", NewHash, replicas, replicas, available ?? replicas, available ?? replicas, revision, Now.AddHours(-1)));
        Status.StableRS = NewHash;
        Status.CurrentStepIndex = Strategy.Steps!.Count;
        rollout.Metadata.Annotations = new Dictionary<string, string> { [RevisionHistory.Annotation] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return this;
    }

    public ObservationBuilder AtStep(int index)
    {
        Status.CurrentStepIndex = index;
        return this;
    }

    /// <summary>The stored status still names the previous template: this reconcile sees the change first.</summary>
    public ObservationBuilder TemplateChanged(string previousHash = StableHash)
    {
        Status.CurrentPodHash = previousHash;
        return this;
    }

    public ObservationBuilder StepsChanged()
    {
        Status.CurrentStepHash = "old-steps";
        return this;
    }

    public ObservationBuilder PausedBy(string reason, TimeSpan ago, bool controllerPause = true)
    {
        (Status.PauseConditions ??= []).Add(new PauseCondition { Reason = reason, StartTime = Now - ago });
        Status.ControllerPause = controllerPause ? true : null;
        return this;
    }

    public ObservationBuilder PausedAtStep(TimeSpan? ago = null) => PausedBy(RolloutConditionTypes.PauseReasonCanaryStep, ago ?? TimeSpan.FromSeconds(5));

    /// <summary>A promote or resume: the pause conditions were cleared, controllerPause still says the controller paused.</summary>
    public ObservationBuilder Resumed()
    {
        Status.PauseConditions = null;
        Status.ControllerPause = true;
        return this;
    }

    public ObservationBuilder Aborted(string? message = null)
    {
        Status.Abort = true;
        Status.AbortedAt = Now.AddMinutes(-1);
        if (message is not null)
        {
            Status.Conditions = [new RolloutCondition { Type = RolloutConditionTypes.Progressing, Status = "False", Reason = RolloutConditionTypes.ReasonRolloutAborted, Message = message }];
        }

        return this;
    }

    /// <summary>kubectl argo rollouts retry: abort cleared, abortedAt still set from the abort.</summary>
    public ObservationBuilder Retried()
    {
        Status.Abort = null;
        Status.AbortedAt = Now.AddMinutes(-1);
        return this;
    }

    public ObservationBuilder PromoteFull()
    {
        Status.PromoteFull = true;
        return this;
    }

    public ObservationBuilder SpecPaused()
    {
        Spec.Paused = true;
        return this;
    }

    public ObservationBuilder WithStepRun(int step, string phase, string hash = NewHash, bool terminate = false, int ageMinutes = 1) =>
        WithRun($"{Name}-{hash}-{step}", hash, "Step", step, phase, terminate, ageMinutes);

    public ObservationBuilder WithBackgroundRun(string phase, string hash = NewHash) =>
        WithRun($"{Name}-{hash}-background", hash, "Background", null, phase, false, 1);

    public ObservationBuilder WithRun(string name, string hash, string type, int? step, string phase, bool terminate = false, int ageMinutes = 1)
    {
        runs.Add(new ObservedAnalysisRun(name, hash, type, step, phase, phase is "Failed" or "Error" ? "metric error-rate assessed Failed" : null, terminate, Now.AddMinutes(-ageMinutes)));
        return this;
    }

    public ObservationBuilder WithBackgroundAnalysis(int? startingStep = null)
    {
        Strategy.Analysis = new RolloutAnalysisBackground { StartingStep = startingStep, Templates = [new AnalysisTemplateRef { TemplateName = "error-rate" }] };
        return this;
    }

    public ObservationBuilder WithServices(string stable = "web-stable", string canary = "web-canary")
    {
        Strategy.StableService = stable;
        Strategy.CanaryService = canary;
        return this;
    }

    public ObservationBuilder WithLimits(string? maxSurge, string? maxUnavailable)
    {
        Strategy.MaxSurge = maxSurge is null ? (IntOrString?)null : IntOrPercentText(maxSurge);
        Strategy.MaxUnavailable = maxUnavailable is null ? (IntOrString?)null : IntOrPercentText(maxUnavailable);
        return this;
    }

    public ObservationBuilder RestartAt(TimeSpan ago, params ObservedPod[] livePods)
    {
        Spec.RestartAt = Now - ago;
        pods = [.. livePods];
        return this;
    }

    public ObservationBuilder WithJson(Action<ObservationBuilder, System.Text.Json.JsonElement> set, string json)
    {
        set(this, System.Text.Json.JsonDocument.Parse(json).RootElement.Clone());
        return this;
    }

    public ObservationBuilder Invalid(string message)
    {
        invalidSpec = message;
        return this;
    }

    public ObservationBuilder Problem(string key, string message)
    {
        problems[key] = message;
        return this;
    }

    public ObservationBuilder Configure(Action<ObservationBuilder> configure)
    {
        configure(this);
        return this;
    }

    /// <summary>The stored status already records what the ReplicaSets show (as after an earlier reconcile).</summary>
    public ObservationBuilder CountsRecorded()
    {
        Status.Replicas = replicaSets.Sum(rs => rs.Replicas);
        Status.UpdatedReplicas = replicaSets.FirstOrDefault(rs => rs.PodHash == podHash)?.Replicas ?? 0;
        Status.AvailableReplicas = replicaSets.Sum(rs => rs.AvailableReplicas);
        return this;
    }

    public RolloutObservation Build() =>
        new(Copy(rollout), podHash, stepHash, [.. replicaSets], [.. runs], Now) { InvalidSpec = invalidSpec, Pods = pods, EdgeProblems = problems };

    public RolloutDecision Decide() => CanaryStateMachine.Decide(Build());

    private static IntOrString IntOrPercentText(string text) => int.TryParse(text, out var number) ? new IntOrString(number) : new IntOrString(text);

    private static Model.CanaryStep Step(string text) => text switch
    {
        "p" => new Model.CanaryStep { Pause = new RolloutPause() },
        "a" => new Model.CanaryStep { Analysis = new RolloutAnalysis { Templates = [new AnalysisTemplateRef { TemplateName = "error-rate" }] } },
        _ when text.StartsWith("scalew", StringComparison.Ordinal) => new Model.CanaryStep { SetCanaryScale = new SetCanaryScale { Weight = int.Parse(text[6..], System.Globalization.CultureInfo.InvariantCulture) } },
        _ when text.StartsWith("scale", StringComparison.Ordinal) => new Model.CanaryStep { SetCanaryScale = new SetCanaryScale { Replicas = int.Parse(text[5..], System.Globalization.CultureInfo.InvariantCulture) } },
        _ when text.StartsWith('w') => new Model.CanaryStep { SetWeight = int.Parse(text[1..], System.Globalization.CultureInfo.InvariantCulture) },
        _ when text.StartsWith('p') => new Model.CanaryStep { Pause = new RolloutPause { Duration = new IntOrString(text[1..]) } },
        _ => throw new ArgumentException($"unknown step {text}", nameof(text)),
    };

    private static Rollout Copy(Rollout value) =>
        JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(value, RolloutsJsonContext.Default.Rollout), RolloutsJsonContext.Default.Rollout)!;
}
