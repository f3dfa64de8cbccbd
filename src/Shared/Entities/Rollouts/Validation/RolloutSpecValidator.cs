using System.Globalization;
using System.Text.Json;
using Tollgate.Shared.Durations;
using Tollgate.Shared.Kube;

namespace Tollgate.Shared.Entities.Rollouts.Validation;

/// <summary>
/// Pure: whether a Rollout's spec is one Tollgate can run, by Argo Rollouts' rules (its validation.go) where they apply
/// to what Tollgate supports, and refusing what Tollgate does not support yet rather than ignoring it. The webhook
/// refuses a spec at <c>kubectl apply</c> with the first message; the rollout controller puts the same first message in
/// the InvalidSpec condition, so the two can never disagree.
/// </summary>
public static class RolloutSpecValidator
{
    public const int MaxWeight = 100;

    /// <summary>
    /// Every reason <paramref name="rollout"/> is invalid, most basic first; empty when it is valid. The first is the
    /// InvalidSpec condition's message and the webhook's refusal.
    /// </summary>
    public static IReadOnlyList<string> Validate(Rollout rollout) => Findings(rollout).Errors;

    /// <summary>The errors of <see cref="Validate"/> and the analysis templates the spec refers to.</summary>
    public static SpecFindings Findings(Rollout rollout)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        var spec = rollout.Spec ?? new RolloutSpec();
        List<string> errors = [];
        List<TemplateReference> templates = [];

        if (spec.Replicas is < 0)
        {
            errors.Add($"spec.replicas: must not be negative, not {spec.Replicas}");
        }

        CheckWorkload(spec, errors);
        CheckNonNegative(spec.MinReadySeconds, "spec.minReadySeconds", errors);
        CheckNonNegative(spec.RevisionHistoryLimit, "spec.revisionHistoryLimit", errors);
        CheckNonNegative(spec.ProgressDeadlineSeconds, "spec.progressDeadlineSeconds", errors);
        var progressDeadline = spec.ProgressDeadlineSeconds ?? 600;
        if (progressDeadline >= 0 && progressDeadline <= (spec.MinReadySeconds ?? 0))
        {
            errors.Add($"spec.progressDeadlineSeconds: must be greater than minReadySeconds ({spec.MinReadySeconds}), not {progressDeadline}");
        }

        CheckStrategy(spec, errors, templates);
        return new SpecFindings(errors, templates);
    }

    private static void CheckWorkload(RolloutSpec spec, List<string> errors)
    {
        if (IsSet(spec.WorkloadRef))
        {
            CheckWorkloadRef(spec, errors);
            return;
        }

        if (spec.Template is not { } template)
        {
            errors.Add("spec.template: a pod template is required");
            return;
        }

        if (template.Spec?.Containers is not { Count: > 0 })
        {
            errors.Add("spec.template.spec.containers: at least one container is required");
        }

        // Without a selector Tollgate selects the rollout's own pods by a label it adds (Argo requires a selector).
        if (spec.Selector is not { } selector)
        {
            return;
        }

        if (selector.MatchExpressions is { Count: > 0 })
        {
            errors.Add("spec.selector.matchExpressions: not supported; select the pods with matchLabels");
        }

        var labels = template.Metadata?.Labels;
        foreach (var (key, value) in selector.MatchLabels ?? new Dictionary<string, string>())
        {
            if (labels is null || !labels.TryGetValue(key, out var actual) || actual != value)
            {
                errors.Add($"spec.template.metadata.labels: must match spec.selector, which wants {Quoted.Value($"{key}={value}")}");
                return;
            }
        }
    }

    /// <summary>
    /// The template (and, without a selector, the selector) comes from the Deployment; the controller checks what it
    /// resolves to like any other template. Argo also accepts PodTemplate and ReplicaSet references and counts a template
    /// with only a spec as empty (and then ignores it); Tollgate refuses both rather than ignore what was written.
    /// </summary>
    private static void CheckWorkloadRef(RolloutSpec spec, List<string> errors)
    {
        if (WorkloadReference.Parse(spec.WorkloadRef) is not { } reference)
        {
            errors.Add("spec.workloadRef: must be an object with apiVersion, kind and name");
            return;
        }

        if (!reference.IsDeployment)
        {
            errors.Add($"spec.workloadRef: workload of type {Quoted.Value(reference.ApiVersion + "/" + reference.Kind)} is not supported; Tollgate resolves apiVersion apps/v1, kind Deployment");
        }

        if (reference.Name.Length == 0)
        {
            errors.Add("spec.workloadRef.name: the Deployment's name is required");
        }

        if (reference.ScaleDown is not ("" or WorkloadReference.Never or WorkloadReference.OnSuccess or WorkloadReference.Progressively))
        {
            errors.Add($"spec.workloadRef.scaleDown: must be never, onsuccess or progressively, not {Quoted.Value(reference.ScaleDown)}");
        }

        if (spec.Template is { } template && (template.Metadata is not null || template.Spec is not null || template.AdditionalProperties is { Count: > 0 }))
        {
            errors.Add("spec.template: template must be empty for workload reference rollout (the pod template comes from spec.workloadRef)");
        }
    }

    private static void CheckStrategy(RolloutSpec spec, List<string> errors, List<TemplateReference> templates)
    {
        var canary = spec.Strategy?.Canary;
        var blueGreen = spec.Strategy?.BlueGreen;
        if (canary is null && blueGreen is null)
        {
            errors.Add("spec.strategy: a strategy is required: set spec.strategy.canary or spec.strategy.blueGreen");
            return;
        }

        if (canary is not null && blueGreen is not null)
        {
            errors.Add("spec.strategy: set one strategy, canary or blueGreen, not both");
            return;
        }

        if (blueGreen is not null)
        {
            CheckBlueGreen(blueGreen, spec, errors, templates);
            return;
        }

        CheckCanary(canary!, spec, errors, templates);
    }

    /// <summary>Argo's ValidateRolloutStrategyBlueGreen, plus refusals of values Argo would accept and misuse.</summary>
    private static void CheckBlueGreen(BlueGreenStrategy blueGreen, RolloutSpec spec, List<string> errors, List<TemplateReference> templates)
    {
        const string field = "spec.strategy.blueGreen";
        if (string.IsNullOrEmpty(blueGreen.ActiveService))
        {
            errors.Add($"{field}.activeService: required: the Service the controller points at the active pods");
        }
        else if (blueGreen.ActiveService == blueGreen.PreviewService)
        {
            errors.Add($"{field}.activeService: This rollout uses the same service for the active and preview services, but two different services are required.");
        }

        CheckNonNegative(blueGreen.PreviewReplicaCount, $"{field}.previewReplicaCount", errors);
        CheckNonNegative(blueGreen.AutoPromotionSeconds, $"{field}.autoPromotionSeconds", errors);
        CheckNonNegative(blueGreen.ScaleDownDelaySeconds, $"{field}.scaleDownDelaySeconds", errors);
        CheckNonNegative(blueGreen.ScaleDownDelayRevisionLimit, $"{field}.scaleDownDelayRevisionLimit", errors);
        CheckNonNegative(blueGreen.AbortScaleDownDelaySeconds, $"{field}.abortScaleDownDelaySeconds", errors);
        if (blueGreen.AutoPromotionEnabled == false && blueGreen.AutoPromotionSeconds is > 0)
        {
            // Argo accepts the pair and never promotes automatically; Tollgate does not keep a field it ignores.
            errors.Add($"{field}.autoPromotionSeconds: takes effect only while autoPromotionEnabled is true; remove one of them");
        }

        var historyLimit = spec.RevisionHistoryLimit ?? 10;
        if (blueGreen.ScaleDownDelayRevisionLimit is { } revisionLimit && historyLimit < revisionLimit)
        {
            errors.Add($"{field}.scaleDownDelayRevisionLimit: This rollout's revision history limit can not be smaller than the rollout's scale down limit ({historyLimit} < {revisionLimit})");
        }

        LimitPercentOrCount(blueGreen.MaxUnavailable, $"{field}.maxUnavailable", errors);
        CheckAntiAffinity(blueGreen.AntiAffinity, $"{field}.antiAffinity", errors);
        if (blueGreen.PrePromotionAnalysis is { } pre)
        {
            AnalysisTemplateReferences.Collect(pre.Templates, $"{field}.prePromotionAnalysis.templates", templates, errors);
        }

        if (blueGreen.PostPromotionAnalysis is { } post)
        {
            AnalysisTemplateReferences.Collect(post.Templates, $"{field}.postPromotionAnalysis.templates", templates, errors);
        }
    }

    /// <summary>Argo's ValidateRolloutStrategyAntiAffinity: exactly one of preferred/required, a preferred weight of 1-100.</summary>
    private static void CheckAntiAffinity(JsonElement? antiAffinity, string field, List<string> errors)
    {
        if (!IsSet(antiAffinity))
        {
            return;
        }

        var value = antiAffinity!.Value;
        var preferred = value.ValueKind == JsonValueKind.Object && value.TryGetProperty("preferredDuringSchedulingIgnoredDuringExecution", out var p) && IsSet(p) ? p : (JsonElement?)null;
        var required = value.ValueKind == JsonValueKind.Object && value.TryGetProperty("requiredDuringSchedulingIgnoredDuringExecution", out var r) && IsSet(r);
        if ((preferred is null) == !required)
        {
            errors.Add($"{field}: AntiAffinity must have exactly one strategy listed");
        }

        if (preferred is { } weighted && (!weighted.TryGetProperty("weight", out var w) || !w.TryGetInt32(out var weight) || weight is < 1 or > 100))
        {
            errors.Add($"{field}.weight: AntiAffinity weight must be between 1-100");
        }
    }

    private static void CheckCanary(CanaryStrategy canary, RolloutSpec spec, List<string> errors, List<TemplateReference> templates)
    {
        const string field = "spec.strategy.canary";
        CheckScalingLimits(canary, spec.Replicas ?? 1, errors);
        if (!string.IsNullOrEmpty(canary.CanaryService) && canary.CanaryService == canary.StableService)
        {
            errors.Add($"{field}.stableService: the stable and canary services must be two different services, not both {Quoted.Value(canary.StableService!)}");
        }

        if (canary.TrafficRouting is { } routing)
        {
            TrafficRoutingValidator.Check(canary, routing, errors);
        }
        else
        {
            CheckNeedsTrafficRouting(canary, errors);
        }

        CheckScaleDownDelays(spec, canary, errors);
        var steps = canary.Steps ?? [];
        for (var index = 0; index < steps.Count; index++)
        {
            CheckStep(steps[index], $"{field}.steps[{index}]", canary, errors, templates);
        }

        if (canary.Analysis is { } background)
        {
            AnalysisTemplateReferences.Collect(background.Templates, $"{field}.analysis.templates", templates, errors);
        }
    }

    /// <summary>
    /// Fields that only act through a traffic router. Argo refuses dynamicStableScale without one (its message); it
    /// accepts the others and ignores them, which Tollgate never does silently.
    /// </summary>
    private static void CheckNeedsTrafficRouting(CanaryStrategy canary, List<string> errors)
    {
        const string field = "spec.strategy.canary";
        if (canary.DynamicStableScale == true)
        {
            errors.Add($"{field}.dynamicStableScale: Canary dynamicStableScale can only be used with traffic routing");
        }

        if (canary.MinPodsPerReplicaSet is not null)
        {
            errors.Add($"{field}.minPodsPerReplicaSet: takes effect only with traffic routing; remove it");
        }

        if (IsSet(canary.PingPong))
        {
            errors.Add($"{field}.pingPong: takes effect only with traffic routing; remove it");
        }
    }

    /// <summary>
    /// The scale-down delays act only through a traffic router. Argo refuses scaleDownDelaySeconds without one and with
    /// dynamicStableScale (its messages); it accepts the other two without a router and ignores them, which Tollgate
    /// never does silently, and it bounds scaleDownDelayRevisionLimit by the revision history for blue-green only, which
    /// Tollgate applies to the canary too (the ReplicaSets it would keep up are deleted past that limit).
    /// </summary>
    private static void CheckScaleDownDelays(RolloutSpec spec, CanaryStrategy canary, List<string> errors)
    {
        const string field = "spec.strategy.canary";
        CheckNonNegative(canary.ScaleDownDelaySeconds, $"{field}.scaleDownDelaySeconds", errors);
        CheckNonNegative(canary.AbortScaleDownDelaySeconds, $"{field}.abortScaleDownDelaySeconds", errors);
        CheckNonNegative(canary.ScaleDownDelayRevisionLimit, $"{field}.scaleDownDelayRevisionLimit", errors);
        if (canary.TrafficRouting is null)
        {
            if (canary.ScaleDownDelaySeconds is not null)
            {
                errors.Add($"{field}.scaleDownDelaySeconds: Canary scaleDownDelaySeconds can only be used with traffic routing");
            }

            if (canary.AbortScaleDownDelaySeconds is not null)
            {
                errors.Add($"{field}.abortScaleDownDelaySeconds: takes effect only with traffic routing; remove it");
            }

            if (canary.ScaleDownDelayRevisionLimit is not null)
            {
                errors.Add($"{field}.scaleDownDelayRevisionLimit: takes effect only with traffic routing; remove it");
            }

            return;
        }

        if (canary.ScaleDownDelaySeconds is not null && canary.DynamicStableScale == true)
        {
            errors.Add($"{field}.dynamicStableScale: Canary dynamicStableScale cannot be used with scaleDownDelaySeconds");
        }

        var historyLimit = spec.RevisionHistoryLimit ?? 10;
        if (canary.ScaleDownDelayRevisionLimit is { } revisionLimit && historyLimit < revisionLimit)
        {
            errors.Add($"{field}.scaleDownDelayRevisionLimit: This rollout's revision history limit can not be smaller than the rollout's scale down limit ({historyLimit} < {revisionLimit})");
        }
    }

    private static void CheckScalingLimits(CanaryStrategy canary, int replicas, List<string> errors)
    {
        var surge = LimitPercentOrCount(canary.MaxSurge, "spec.strategy.canary.maxSurge", errors);
        var unavailable = LimitPercentOrCount(canary.MaxUnavailable, "spec.strategy.canary.maxUnavailable", errors);
        if (surge is not { } maxSurge || unavailable is not { } maxUnavailable)
        {
            return;
        }

        if (maxSurge.Value == 0 && maxUnavailable.Value == 0)
        {
            errors.Add("spec.strategy.canary.maxSurge: maxSurge and maxUnavailable cannot both be zero: the rollout could never replace a pod");
            return;
        }

        // Percentages of maxSurge round up; the pods of a rollout at full surge must still be countable.
        var surgePods = maxSurge.IsPercent ? ((long)maxSurge.Value * Math.Max(replicas, 0) + 99) / 100 : maxSurge.Value;
        if (Math.Max(replicas, 0) + surgePods > int.MaxValue)
        {
            errors.Add($"spec.strategy.canary.maxSurge: spec.replicas ({replicas}) plus maxSurge ({surgePods} pods) exceeds {int.MaxValue} pods");
        }
    }

    /// <summary>A maxSurge/maxUnavailable value: a count, or a percentage ("25%"; digits alone are a percentage too, as in Argo).</summary>
    private static (int Value, bool IsPercent)? LimitPercentOrCount(IntOrString? value, string field, List<string> errors)
    {
        if (value is not { } present)
        {
            return (25, true);
        }

        if (!present.IsString)
        {
            if (present.IntValue < 0)
            {
                errors.Add($"{field}: must not be negative, not {present.IntValue}");
                return null;
            }

            return (present.IntValue, false);
        }

        var text = present.StringValue!;
        var digits = text.EndsWith('%') ? text[..^1] : text;
        if (digits.Length == 0 || digits.AsSpan().ContainsAnyExcept("0123456789")
            || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var percent))
        {
            errors.Add($"{field}: {Quoted.Value(text)} is neither a number of pods nor a percentage such as \"25%\"");
            return null;
        }

        return (percent, true);
    }

    private static void CheckStep(CanaryStep? step, string field, CanaryStrategy canary, List<string> errors, List<TemplateReference> templates)
    {
        var trafficRouting = canary.TrafficRouting is not null;
        if (step is null)
        {
            errors.Add($"{field}: {StepKinds}");
            return;
        }

        var kinds = SetKinds(step);
        if (kinds.Count != 1)
        {
            errors.Add(kinds.Count == 0
                ? $"{field}: {StepKinds}"
                : $"{field}: {StepKinds}, not several ({string.Join(", ", kinds)})");
        }

        if (step.SetWeight is { } weight && weight is < 0 or > MaxWeight)
        {
            errors.Add($"{field}.setWeight: must be within 0..{MaxWeight}, not {weight}");
        }

        if (step.Pause?.Duration is { } duration && !RolloutPauseDuration.TryGetSeconds(duration, out _, out var pauseError))
        {
            errors.Add($"{field}.pause.duration: {pauseError}");
        }

        if (step.SetCanaryScale is { } scale)
        {
            if (!trafficRouting)
            {
                errors.Add($"{field}.setCanaryScale: SetCanaryScale requires TrafficRouting to be set");
            }

            if (scale.Weight is { } scaleWeight && scaleWeight is < 0 or > MaxWeight)
            {
                errors.Add($"{field}.setCanaryScale.weight: must be within 0..{MaxWeight}, not {scaleWeight}");
            }

            if (scale.Replicas is < 0)
            {
                errors.Add($"{field}.setCanaryScale.replicas: must not be negative, not {scale.Replicas}");
            }
        }

        if (step.SetHeaderRoute is { } headerRoute)
        {
            TrafficRoutingValidator.CheckHeaderRoute(headerRoute, canary.TrafficRouting, $"{field}.setHeaderRoute", errors);
        }

        if (step.SetMirrorRoute is { } mirrorRoute)
        {
            TrafficRoutingValidator.CheckMirrorRoute(mirrorRoute, canary.TrafficRouting, $"{field}.setMirrorRoute", errors);
        }

        if (IsSet(step.Experiment))
        {
            errors.Add($"{field}.experiment: experiment steps are not supported yet");
        }

        if (IsSet(step.Plugin))
        {
            errors.Add($"{field}.plugin: step plugins are not supported");
        }

        if (step.Analysis is { } analysis)
        {
            AnalysisTemplateReferences.Collect(analysis.Templates, $"{field}.analysis.templates", templates, errors);
        }
    }

    private const string StepKinds = "a step sets exactly one of setWeight, pause, analysis, setCanaryScale, experiment, setHeaderRoute, setMirrorRoute or plugin";

    private static List<string> SetKinds(CanaryStep step)
    {
        List<string> kinds = [];
        if (step.SetWeight is not null)
        {
            kinds.Add("setWeight");
        }

        if (step.Pause is not null)
        {
            kinds.Add("pause");
        }

        if (step.Analysis is not null)
        {
            kinds.Add("analysis");
        }

        if (step.SetCanaryScale is not null)
        {
            kinds.Add("setCanaryScale");
        }

        if (IsSet(step.Experiment))
        {
            kinds.Add("experiment");
        }

        if (step.SetHeaderRoute is not null)
        {
            kinds.Add("setHeaderRoute");
        }

        if (step.SetMirrorRoute is not null)
        {
            kinds.Add("setMirrorRoute");
        }

        if (IsSet(step.Plugin))
        {
            kinds.Add("plugin");
        }

        return kinds;
    }

    private static void CheckNonNegative(int? value, string field, List<string> errors)
    {
        if (value is < 0)
        {
            errors.Add($"{field}: must not be negative, not {value}");
        }
    }

    /// <summary>An opaque field is set unless absent or JSON null (Go decodes null into a nil pointer).</summary>
    internal static bool IsSet(JsonElement? element) => element is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) };
}
