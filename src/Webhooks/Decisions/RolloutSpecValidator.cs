using System.Text.RegularExpressions;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Expressions;
using Tollgate.Shared.Kube;

namespace Tollgate.Webhooks.Decisions;

/// <summary>
/// Pure: decision 6 of the spec. Weights within 0..100, durations that parse, conditions that the rollout controller's
/// expression evaluator accepts, Prometheus addresses that are URLs when given. <c>{{args.x}}</c> placeholders are resolved only
/// when a run starts, so templated values are checked as far as possible: a placeholder stands for a number.
/// </summary>
public static partial class RolloutSpecValidator
{
    public static SpecFindings ValidateRollout(Rollout rollout)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        List<string> errors = [];
        List<TemplateReference> templates = [];
        var canary = rollout.Spec.Strategy?.Canary;
        if (rollout.Spec.Replicas is < 0)
        {
            errors.Add($"spec.replicas must not be negative, not {rollout.Spec.Replicas}");
        }

        var steps = canary?.Steps ?? [];
        for (var index = 0; index < steps.Count; index++)
        {
            var step = steps[index];
            var field = $"spec.strategy.canary.steps[{index}]";
            if (step.SetWeight is { } weight && weight is < 0 or > 100)
            {
                errors.Add($"{field}.setWeight must be within 0..100, not {weight}");
            }

            if (step.SetCanaryScale?.Weight is { } scaleWeight && scaleWeight is < 0 or > 100)
            {
                errors.Add($"{field}.setCanaryScale.weight must be within 0..100, not {scaleWeight}");
            }

            if (step.Pause?.Duration is { } duration)
            {
                CheckDuration(duration, $"{field}.pause.duration", errors);
            }

            AddTemplates(step.Analysis?.Templates, $"{field}.analysis.templates", templates, errors);
        }

        AddTemplates(canary?.Analysis?.Templates, "spec.strategy.canary.analysis.templates", templates, errors);
        return new SpecFindings(errors, templates);
    }

    public static SpecFindings ValidateTemplate(AnalysisTemplateSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        List<string> errors = [];
        List<TemplateReference> templates = [];
        var metrics = spec.Metrics ?? [];
        if (metrics.Count == 0 && (spec.Templates ?? []).Count == 0)
        {
            errors.Add("spec.metrics must name at least one metric");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < metrics.Count; index++)
        {
            var metric = metrics[index];
            var field = $"spec.metrics[{index}]";
            if (string.IsNullOrWhiteSpace(metric.Name))
            {
                errors.Add($"{field}.name is required");
            }
            else if (!names.Add(metric.Name))
            {
                errors.Add($"{field}.name {metric.Name} is used twice");
            }

            CheckDurationText(metric.Interval, $"{field}.interval", errors);
            CheckDurationText(metric.InitialDelay, $"{field}.initialDelay", errors);
            CheckCondition(metric.SuccessCondition, $"{field}.successCondition", errors);
            CheckCondition(metric.FailureCondition, $"{field}.failureCondition", errors);
            CheckCount(metric.Count, $"{field}.count", errors);
            CheckCount(metric.FailureLimit, $"{field}.failureLimit", errors);
            CheckCount(metric.InconclusiveLimit, $"{field}.inconclusiveLimit", errors);
            CheckCount(metric.ConsecutiveErrorLimit, $"{field}.consecutiveErrorLimit", errors);
            if (metric.Provider.Prometheus is { } prometheus)
            {
                CheckAddress(prometheus.Address, $"{field}.provider.prometheus.address", errors);
                if (string.IsNullOrWhiteSpace(prometheus.Query))
                {
                    errors.Add($"{field}.provider.prometheus.query is required");
                }
            }
        }

        AddTemplates(spec.Templates, "spec.templates", templates, errors);
        return new SpecFindings(errors, templates);
    }

    private static void AddTemplates(IList<AnalysisTemplateRef>? references, string field, List<TemplateReference> templates, List<string> errors)
    {
        var list = references ?? [];
        for (var index = 0; index < list.Count; index++)
        {
            var name = list[index].TemplateName;
            if (string.IsNullOrWhiteSpace(name))
            {
                errors.Add($"{field}[{index}].templateName is required");
                continue;
            }

            templates.Add(new TemplateReference(name, list[index].ClusterScope == true, $"{field}[{index}]"));
        }
    }

    private static void CheckDuration(IntOrString duration, string field, List<string> errors)
    {
        if (!duration.IsString)
        {
            if (duration.IntValue < 0)
            {
                errors.Add($"{field} must not be negative, not {duration.IntValue}");
            }

            return;
        }

        CheckDurationText(duration.StringValue, field, errors);
    }

    private static void CheckDurationText(string? text, string field, List<string> errors)
    {
        if (text is null || IsTemplated(text))
        {
            return;
        }

        if (!GoDuration.TryParse(text, out _))
        {
            errors.Add($"{field} '{text}' is not a duration such as 30s, 5m or 1h");
        }
    }

    private static void CheckCount(IntOrString? value, string field, List<string> errors)
    {
        if (value is not { } count)
        {
            return;
        }

        if (count.IsString)
        {
            if (!IsTemplated(count.StringValue!) && !int.TryParse(count.StringValue, out _))
            {
                errors.Add($"{field} '{count.StringValue}' is not a number");
            }
        }
        else if (count.IntValue < 0)
        {
            errors.Add($"{field} must not be negative, not {count.IntValue}");
        }
    }

    private static void CheckCondition(string? condition, string field, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(condition))
        {
            return;
        }

        // Argo substitutes {{args.x}} before compiling, so a placeholder may stand for a number, a string's
        // content or a name: the condition is refused only if no stand-in compiles. Stand-ins keep the
        // placeholder's length so the reported line:column points into the condition as written.
        ExpressionException? firstError = null;
        foreach (var standIn in PlaceholderStandIns)
        {
            try
            {
                ConditionExpression.Compile(Placeholder().Replace(condition, match => standIn.PadRight(match.Length)));
                return;
            }
            catch (ExpressionException e)
            {
                firstError ??= e;
            }

            if (!IsTemplated(condition))
            {
                break;
            }
        }

        errors.Add($"{field} '{condition}' does not parse: {firstError!.Message}");
    }

    private static readonly string[] PlaceholderStandIns = ["0", "result"];

    private static void CheckAddress(string? address, string field, List<string> errors)
    {
        // No address means the rollout controller's PROMETHEUS_URL, the central default Argo Rollouts also has.
        if (string.IsNullOrEmpty(address) || IsTemplated(address))
        {
            return;
        }

        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
        {
            errors.Add($"{field} '{address}' is not an http(s) URL");
        }
    }

    private static bool IsTemplated(string text) => text.Contains("{{", StringComparison.Ordinal);

    [GeneratedRegex(@"\{\{[^}]*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
