using Tollgate.Shared.Durations;
using Tollgate.Shared.Expressions;
using Tollgate.Shared.Kube;

namespace Tollgate.Shared.Entities.Rollouts.Validation;

/// <summary>
/// Pure: what an AnalysisTemplate or ClusterAnalysisTemplate spec must satisfy. Named, unique metrics; intervals and
/// delays in Go's duration grammar (Argo's <c>DurationString</c>); conditions the rollout controller's evaluator
/// compiles; counts that are numbers; Prometheus addresses that are URLs when given. Values holding <c>{{args.x}}</c>
/// placeholders are checked as far as possible: a placeholder stands for a number.
/// </summary>
public static class AnalysisTemplateValidator
{
    /// <summary>
    /// Longer conditions are refused before they are compiled: the recursive parser overflows the stack (and kills the
    /// process) on a few thousand nested brackets. Argo's expr library has a similar ceiling (a maximum node count).
    /// </summary>
    public const int MaxConditionLength = 4096;

    public static SpecFindings Validate(AnalysisTemplateSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        List<string> errors = [];
        List<TemplateReference> templates = [];
        var metrics = spec.Metrics ?? [];
        if (metrics.Count == 0 && (spec.Templates ?? []).Count == 0)
        {
            errors.Add("spec.metrics: at least one metric is required");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < metrics.Count; index++)
        {
            var metric = metrics[index];
            var field = $"spec.metrics[{index}]";
            if (metric is null)
            {
                errors.Add($"{field}: a metric is required");
                continue;
            }

            if (string.IsNullOrWhiteSpace(metric.Name))
            {
                errors.Add($"{field}.name: a name is required");
            }
            else if (!names.Add(metric.Name))
            {
                errors.Add($"{field}.name: {Quoted.Value(metric.Name)} is used twice");
            }

            CheckDuration(metric.Interval, $"{field}.interval", errors);
            CheckDuration(metric.InitialDelay, $"{field}.initialDelay", errors);
            CheckCondition(metric.SuccessCondition, $"{field}.successCondition", errors);
            CheckCondition(metric.FailureCondition, $"{field}.failureCondition", errors);
            CheckCount(metric.Count, $"{field}.count", errors);
            CheckCount(metric.FailureLimit, $"{field}.failureLimit", errors);
            CheckCount(metric.InconclusiveLimit, $"{field}.inconclusiveLimit", errors);
            CheckCount(metric.ConsecutiveErrorLimit, $"{field}.consecutiveErrorLimit", errors);
            if (metric.Provider is { } provider)
            {
                MetricProviderValidator.Check(provider, $"{field}.provider", errors);
            }
        }

        AnalysisTemplateReferences.Collect(spec.Templates, "spec.templates", templates, errors);
        return new SpecFindings(errors, templates);
    }

    private static void CheckDuration(string? text, string field, List<string> errors)
    {
        if (string.IsNullOrEmpty(text) || ArgumentPlaceholders.IsTemplated(text))
        {
            return;
        }

        if (!GoDuration.TryParse(text, out _, out var error))
        {
            errors.Add($"{field}: {error}");
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
            if (!ArgumentPlaceholders.IsTemplated(count.StringValue!) && !int.TryParse(count.StringValue, out _))
            {
                errors.Add($"{field}: {Quoted.Value(count.StringValue!)} is not a number");
            }
        }
        else if (count.IntValue < 0)
        {
            errors.Add($"{field}: must not be negative, not {count.IntValue}");
        }
    }

    private static void CheckCondition(string? condition, string field, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(condition))
        {
            return;
        }

        if (condition.Length > MaxConditionLength)
        {
            errors.Add($"{field}: longer than {MaxConditionLength} characters ({condition.Length})");
            return;
        }

        // Argo substitutes {{args.x}} before compiling, so a placeholder may stand for a number, a string's content or
        // a name: the condition is refused only if no stand-in compiles.
        ExpressionException? firstError = null;
        foreach (var standIn in PlaceholderStandIns)
        {
            try
            {
                ConditionExpression.Compile(ArgumentPlaceholders.ReplaceKeepingPositions(condition, standIn));
                return;
            }
            catch (ExpressionException e)
            {
                firstError ??= e;
            }

            if (!ArgumentPlaceholders.IsTemplated(condition))
            {
                break;
            }
        }

        errors.Add($"{field}: {Quoted.Value(condition)} does not parse: {firstError!.Message}");
    }

    private static readonly string[] PlaceholderStandIns = ["0", "result"];
}
