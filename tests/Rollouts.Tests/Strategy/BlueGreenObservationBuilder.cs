using System.Globalization;
using System.Text.Json;
using Tollgate.Rollouts.Status;
using Tollgate.Rollouts.Strategy;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Rollouts.Tests.Strategy;

/// <summary>Builds what a blue-green decision observes: ReplicaSets, the Services' selectors, runs and the stored status.</summary>
internal sealed class BlueGreenObservationBuilder
{
    public const string NewHash = "new";
    public const string StableHash = "stable";
    public const string Name = "web";
    public const string ActiveService = "web-active";
    public const string PreviewService = "web-preview";

    public static readonly DateTimeOffset Now = ObservationBuilder.Now;

    private readonly Rollout rollout;
    private readonly List<ObservedReplicaSet> replicaSets = [];
    private readonly List<ObservedAnalysisRun> runs = [];
    private readonly Dictionary<string, string?> selectors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> problems = new(StringComparer.Ordinal);

    private BlueGreenObservationBuilder(int replicas)
    {
        rollout = new Rollout
        {
            Metadata = new V1ObjectMeta { Name = Name, Namespace = "shop", Uid = "uid-1", Generation = 1 },
            Spec = new RolloutSpec
            {
                Replicas = replicas,
                Strategy = new RolloutStrategy { BlueGreen = new BlueGreenStrategy { ActiveService = ActiveService, PreviewService = PreviewService } },
            },
            Status = new RolloutStatus { CurrentPodHash = NewHash, ObservedGeneration = "1", BlueGreen = new BlueGreenStatus() },
        };
        selectors[ActiveService] = null;
        selectors[PreviewService] = null;
    }

    public RolloutStatus Status => rollout.Status!;

    public BlueGreenStrategy Strategy => rollout.Spec.Strategy!.BlueGreen!;

    public RolloutSpec Spec => rollout.Spec;

    public static BlueGreenObservationBuilder BlueGreen(int replicas = 3) => new(replicas);

    public BlueGreenObservationBuilder FirstDeploy()
    {
        rollout.Status = null;
        return this;
    }

    /// <summary>The previous version: stable, active, at full scale.</summary>
    public BlueGreenObservationBuilder WithStable(int? spec = null, int? available = null, long revision = 1, string hash = StableHash, string? deadline = null)
    {
        var replicas = spec ?? rollout.Spec.Replicas ?? 1;
        replicaSets.Add(new ObservedReplicaSet($"{Name}-{hash}", hash, replicas, replicas, available ?? replicas, available ?? replicas, revision, Now.AddHours(-2), ScaleDownDeadline: deadline));
        Status.StableRS = hash;
        return this;
    }

    public BlueGreenObservationBuilder WithNew(int spec, int? available = null, long revision = 2, string? deadline = null, int ageMinutes = 10)
    {
        replicaSets.Add(new ObservedReplicaSet($"{Name}-{NewHash}", NewHash, spec, spec, available ?? spec, available ?? spec, revision, Now.AddMinutes(-ageMinutes), ScaleDownDeadline: deadline));
        rollout.Metadata.Annotations = new Dictionary<string, string> { [RevisionHistory.Annotation] = revision.ToString(CultureInfo.InvariantCulture) };
        return this;
    }

    public BlueGreenObservationBuilder WithOld(string hash, int spec, long revision, string? deadline = null, int ageHours = 3)
    {
        replicaSets.Add(new ObservedReplicaSet($"{Name}-{hash}", hash, spec, spec, spec, spec, revision, Now.AddHours(-ageHours), ScaleDownDeadline: deadline));
        return this;
    }

    /// <summary>The Services select these hashes now, and the stored status recorded the same.</summary>
    public BlueGreenObservationBuilder Selecting(string? active, string? preview = null)
    {
        selectors[ActiveService] = active;
        selectors[PreviewService] = preview;
        Status.BlueGreen!.ActiveSelector = active;
        Status.BlueGreen.PreviewSelector = preview;
        return this;
    }

    /// <summary>A fully promoted rollout of the new template (stable, active, preview all on it).</summary>
    public BlueGreenObservationBuilder Promoted(int? replicas = null)
    {
        var count = replicas ?? rollout.Spec.Replicas ?? 1;
        WithNew(count, revision: 2);
        Status.StableRS = NewHash;
        return Selecting(NewHash, NewHash);
    }

    /// <summary>An update waiting to be switched: the new ReplicaSet is saturated, both Services as the last decision left them.</summary>
    public BlueGreenObservationBuilder Updating(int? newAvailable = null, int? newSpec = null)
    {
        var replicas = rollout.Spec.Replicas ?? 1;
        WithStable();
        WithNew(newSpec ?? replicas, newAvailable);
        return Selecting(StableHash, NewHash);
    }

    public BlueGreenObservationBuilder TemplateChanged(string previousHash = StableHash)
    {
        Status.CurrentPodHash = previousHash;
        return this;
    }

    public BlueGreenObservationBuilder PausedBy(string reason, TimeSpan ago, bool controllerPause = true)
    {
        (Status.PauseConditions ??= []).Add(new PauseCondition { Reason = reason, StartTime = Now - ago });
        Status.ControllerPause = controllerPause ? true : null;
        return this;
    }

    public BlueGreenObservationBuilder BlueGreenPaused(TimeSpan? ago = null) => PausedBy(BlueGreenStateMachine.PauseReason, ago ?? TimeSpan.FromSeconds(5));

    /// <summary>kubectl argo rollouts promote: the pause conditions cleared, controllerPause still set.</summary>
    public BlueGreenObservationBuilder Resumed()
    {
        Status.PauseConditions = null;
        Status.ControllerPause = true;
        return this;
    }

    public BlueGreenObservationBuilder Aborted(string? message = null)
    {
        Status.Abort = true;
        Status.AbortedAt = Now.AddMinutes(-1);
        if (message is not null)
        {
            Status.Conditions = [new RolloutCondition { Type = RolloutConditionTypes.Progressing, Status = "False", Reason = RolloutConditionTypes.ReasonRolloutAborted, Message = message }];
        }

        return this;
    }

    public BlueGreenObservationBuilder Retried()
    {
        Status.Abort = null;
        Status.AbortedAt = Now.AddMinutes(-1);
        return this;
    }

    public BlueGreenObservationBuilder PromoteFull()
    {
        Status.PromoteFull = true;
        return this;
    }

    public BlueGreenObservationBuilder CheckPointPassed()
    {
        Status.BlueGreen!.ScaleUpPreviewCheckPoint = true;
        return this;
    }

    public BlueGreenObservationBuilder ManualPromotion()
    {
        Strategy.AutoPromotionEnabled = false;
        return this;
    }

    public BlueGreenObservationBuilder WithPrePromotionAnalysis()
    {
        Strategy.PrePromotionAnalysis = new RolloutAnalysis { Templates = [new AnalysisTemplateRef { TemplateName = "smoke" }] };
        return this;
    }

    public BlueGreenObservationBuilder WithPostPromotionAnalysis()
    {
        Strategy.PostPromotionAnalysis = new RolloutAnalysis { Templates = [new AnalysisTemplateRef { TemplateName = "error-rate" }] };
        return this;
    }

    /// <summary>A promotion run of the new template, recorded in the stored status as the current one; <paramref name="name"/> overrides Tollgate's name rule (Argo's carries the revision).</summary>
    public BlueGreenObservationBuilder WithPromotionRun(bool post, string phase, bool recorded = true, string hash = NewHash, string? name = null)
    {
        name ??= post ? BlueGreenStateMachine.ForPostPromotion(Name, hash) : BlueGreenStateMachine.ForPrePromotion(Name, hash);
        var type = post ? BlueGreenStateMachine.PostPromotionRolloutType : BlueGreenStateMachine.PrePromotionRolloutType;
        runs.Add(new ObservedAnalysisRun(name, hash, type, null, phase, phase is "Failed" or "Error" ? "metric error-rate assessed Failed" : null, false, Now.AddMinutes(-1)));
        if (recorded)
        {
            var status = new RolloutAnalysisRunStatus { Name = name, Status = phase is { Length: > 0 } ? phase : "Pending" };
            if (post)
            {
                Status.BlueGreen!.PostPromotionAnalysisRunStatus = status;
            }
            else
            {
                Status.BlueGreen!.PrePromotionAnalysisRunStatus = status;
            }
        }

        return this;
    }

    public BlueGreenObservationBuilder MissingService(string service)
    {
        selectors.Remove(service);
        problems[RolloutObservation.ServiceKey(service)] = $"service \"{service}\" not found";
        return this;
    }

    public BlueGreenObservationBuilder Configure(Action<BlueGreenObservationBuilder> configure)
    {
        configure(this);
        return this;
    }

    public RolloutObservation Build() =>
        new(Copy(rollout), NewHash, "steps", [.. replicaSets], [.. runs], Now) { ServiceSelectors = selectors, EdgeProblems = problems };

    public RolloutDecision Decide() => RolloutStateMachine.Decide(Build());

    private static Rollout Copy(Rollout value) =>
        JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(value, RolloutsJsonContext.Default.Rollout), RolloutsJsonContext.Default.Rollout)!;
}
