using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Tollgate.Rollouts.Analysis;
using Tollgate.Rollouts.Metrics;
using Tollgate.Rollouts.Providers;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Operator.Controllers;
using Model = Tollgate.Shared.Entities.Rollouts;

namespace Tollgate.Rollouts.Controllers;

/// <summary>
/// Takes each metric's measurements when they are due, assesses metrics and the run with the pure assessors, and writes
/// status. Everything it needs next time (counters, last measurement times) is in status.
/// </summary>
public sealed class AnalysisRunController(
    IKubernetesClient client,
    MetricProviders providers,
    RolloutsMeter meter,
    TimeProvider time,
    ILogger<AnalysisRunController> logger) : IEntityController<AnalysisRun>
{
    public async Task<ReconciliationResult<AnalysisRun>> ReconcileAsync(AnalysisRun entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var status = entity.Status ??= new AnalysisRunStatus { Phase = nameof(AnalysisPhase.Pending) };
        if (Enum.TryParse<AnalysisPhase>(status.Phase, out var current) && current.IsCompleted())
        {
            Report(entity);
            return await ExpireAsync(entity, current, cancellationToken);
        }

        var now = time.GetUtcNow();
        status.StartedAt ??= now;
        status.MetricResults ??= [];
        var terminateRequested = entity.Spec.Terminate == true;
        var terminating = AnalysisRunAssessor.IsTerminating(terminateRequested, Outcomes(entity));
        var arguments = await ResolveArgumentsAsync(entity, cancellationToken);
        DateTimeOffset? nextDue = null;

        foreach (var metric in entity.Spec.Metrics)
        {
            var result = status.MetricResults.FirstOrDefault(r => r.Name == metric.Name);
            if (result is null)
            {
                result = new MetricResult { Name = metric.Name, Phase = nameof(AnalysisPhase.Pending), DryRun = IsDryRun(entity.Spec, metric.Name) ? true : null };
                status.MetricResults.Add(result);
            }

            if (Enum.TryParse<AnalysisPhase>(result.Phase, out var metricPhase) && metricPhase.IsCompleted())
            {
                continue;
            }

            MetricLimits limits;
            TimeSpan? interval;
            TimeSpan? initialDelay;
            try
            {
                limits = Limits(metric, arguments);
                interval = metric.Interval is { Length: > 0 } i ? AnalysisDuration.Parse(ArgumentSubstitution.Substitute(i, arguments)) : null;
                initialDelay = metric.InitialDelay is { Length: > 0 } d ? AnalysisDuration.Parse(ArgumentSubstitution.Substitute(d, arguments)) : null;
            }
            catch (FormatException exception)
            {
                result.Phase = nameof(AnalysisPhase.Error);
                result.Message = exception.Message;
                continue;
            }

            var measurements = result.Measurements ??= [];
            var due = MetricSchedule.NextMeasurementAt(status.StartedAt.Value, initialDelay, interval, measurements.LastOrDefault()?.FinishedAt);
            if (!terminating && due <= now)
            {
                var measurement = await MeasureAsync(metric, arguments, cancellationToken);
                measurements.Add(measurement);
                Record(result, Enum.Parse<AnalysisPhase>(measurement.Phase));
                result.Measurements = [.. Analysis.MeasurementRetention.Trim([.. measurements], RetentionLimit(entity.Spec, metric.Name))];
                logger.Measured(entity.Metadata.Namespace, entity.Metadata.Name, metric.Name, measurement.Phase, measurement.Value ?? measurement.Message);
            }

            var last = result.Measurements?.LastOrDefault();
            var assessment = MetricAssessor.Assess(limits, Counters(result), last is null ? null : Enum.Parse<AnalysisPhase>(last.Phase), terminating);
            result.Phase = assessment.Phase.ToString();
            result.Message = assessment.Reason is null ? (assessment.Phase == AnalysisPhase.Error ? last?.Message : null) : Explain(metric, assessment.Reason, last);
            if (!assessment.Phase.IsCompleted())
            {
                var next = MetricSchedule.NextMeasurementAt(status.StartedAt.Value, initialDelay, interval, result.Measurements?.LastOrDefault()?.FinishedAt);
                nextDue = nextDue is null || next < nextDue ? next : nextDue;
            }
        }

        var run = AnalysisRunAssessor.Assess(Outcomes(entity), AnalysisRunAssessor.IsTerminating(terminateRequested, Outcomes(entity)), terminateRequested);
        status.Phase = run.Phase.ToString();
        status.Message = run.Phase.IsCompleted() && RunMessage(entity, run) is { Length: > 0 } runMessage ? runMessage : null;
        status.RunSummary = Summary(status.MetricResults.Where(r => r.DryRun != true));
        status.DryRunSummary = status.MetricResults.Any(r => r.DryRun == true) ? Summary(status.MetricResults.Where(r => r.DryRun == true)) : null;
        if (run.Phase.IsCompleted())
        {
            status.CompletedAt = now;
            logger.Completed(entity.Metadata.Namespace, entity.Metadata.Name, status.Phase, status.Message);
        }

        var updated = await client.UpdateAsync(entity, cancellationToken: cancellationToken);
        Report(updated);
        if (run.Phase.IsCompleted())
        {
            return ReconciliationResult<AnalysisRun>.Success(updated);
        }

        var wait = nextDue is { } at ? at - time.GetUtcNow() : TimeSpan.FromSeconds(1);
        return ReconciliationResult<AnalysisRun>.Success(updated, wait < TimeSpan.FromMilliseconds(50) ? TimeSpan.FromMilliseconds(50) : wait);
    }

    public Task<ReconciliationResult<AnalysisRun>> DeletedAsync(AnalysisRun entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        meter.ForgetAnalysisRun(entity.Metadata.Namespace ?? "", entity.Metadata.Name ?? "");
        return Task.FromResult(ReconciliationResult<AnalysisRun>.Success(entity));
    }

    private static IReadOnlyList<MetricOutcome> Outcomes(AnalysisRun run) =>
        [.. run.Spec.Metrics.Select(metric =>
        {
            var result = run.Status?.MetricResults?.FirstOrDefault(r => r.Name == metric.Name);
            var phase = result is not null && Enum.TryParse<AnalysisPhase>(result.Phase, out var parsed) ? parsed : AnalysisPhase.Pending;
            return new MetricOutcome(metric.Name, phase, result?.DryRun == true || IsDryRun(run.Spec, metric.Name), result?.Message);
        })];

    private static string RunMessage(AnalysisRun run, AnalysisRunAssessment assessment)
    {
        // The assessor names the metric and the broken limit; the metric's message adds the condition and the value.
        var failing = run.Status?.MetricResults?.FirstOrDefault(r => r.DryRun != true && r.Phase == assessment.Phase.ToString() && r.Message is not null);
        return failing?.Message is { } detail ? $"Metric \"{failing.Name}\" assessed {failing.Phase} due to {detail}" : assessment.Message;
    }

    private static string Explain(Metric metric, string reason, Model.Measurement? last)
    {
        var text = new StringBuilder(reason);
        if (last?.Value is { } value)
        {
            text.Append(": measured ").Append(value);
        }

        if (last?.Phase == nameof(AnalysisPhase.Failed) && metric.FailureCondition is { Length: > 0 } failure)
        {
            text.Append(", failureCondition \"").Append(failure).Append("\" held");
        }
        else if (last?.Phase == nameof(AnalysisPhase.Failed) && metric.SuccessCondition is { Length: > 0 } success)
        {
            text.Append(", successCondition \"").Append(success).Append("\" did not hold");
        }
        else if (last?.Phase == nameof(AnalysisPhase.Inconclusive))
        {
            text.Append(", neither successCondition \"").Append(metric.SuccessCondition).Append("\" nor failureCondition \"").Append(metric.FailureCondition).Append("\" held");
        }
        else if (last?.Phase == nameof(AnalysisPhase.Error) && last.Message is { } error)
        {
            text.Append(": ").Append(error);
        }

        return text.ToString();
    }

    private static void Record(MetricResult result, AnalysisPhase phase)
    {
        var counters = Counters(result).Record(phase);
        result.Count = counters.Count;
        result.Successful = counters.Successful;
        result.Failed = counters.Failed;
        result.Inconclusive = counters.Inconclusive;
        result.Error = counters.Error;
        result.ConsecutiveError = counters.ConsecutiveError;
        result.ConsecutiveSuccess = counters.ConsecutiveSuccess;
    }

    private static MetricCounters Counters(MetricResult result) => new(
        result.Count ?? 0,
        result.Successful ?? 0,
        result.Failed ?? 0,
        result.Inconclusive ?? 0,
        result.Error ?? 0,
        result.ConsecutiveError ?? 0,
        result.ConsecutiveSuccess ?? 0);

    private static RunSummary Summary(IEnumerable<MetricResult> results)
    {
        var all = results.ToList();
        return new RunSummary
        {
            Count = all.Count,
            Successful = all.Count(r => r.Phase == nameof(AnalysisPhase.Successful)),
            Failed = all.Count(r => r.Phase == nameof(AnalysisPhase.Failed)),
            Inconclusive = all.Count(r => r.Phase == nameof(AnalysisPhase.Inconclusive)),
            Error = all.Count(r => r.Phase == nameof(AnalysisPhase.Error)),
        };
    }

    private static MetricLimits Limits(Metric metric, IReadOnlyDictionary<string, string?> arguments) => new(
        Count: Integer(metric.Count, arguments),
        HasInterval: metric.Interval is { Length: > 0 },
        FailureLimit: Integer(metric.FailureLimit, arguments) ?? 0,
        InconclusiveLimit: Integer(metric.InconclusiveLimit, arguments) ?? 0,
        ConsecutiveErrorLimit: Integer(metric.ConsecutiveErrorLimit, arguments) ?? MetricLimits.DefaultConsecutiveErrorLimit,
        ConsecutiveSuccessLimit: Integer(metric.ConsecutiveSuccessLimit, arguments) ?? 0);

    private static int? Integer(IntOrString? value, IReadOnlyDictionary<string, string?> arguments)
    {
        if (value is not { } present)
        {
            return null;
        }

        if (!present.IsString)
        {
            return present.IntValue;
        }

        var text = ArgumentSubstitution.Substitute(present.StringValue!, arguments);
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new FormatException($"\"{text}\" is not a whole number");
    }

    private static bool IsDryRun(AnalysisRunSpec spec, string metricName) =>
        spec.DryRun?.Any(d => MatchesName(d.MetricName, metricName)) == true;

    private static int? RetentionLimit(AnalysisRunSpec spec, string metricName) =>
        spec.MeasurementRetention?.FirstOrDefault(r => MatchesName(r.MetricName, metricName))?.Limit;

    private static bool MatchesName(string pattern, string metricName)
    {
        if (pattern == metricName)
        {
            return true;
        }

        try
        {
            return Regex.IsMatch(metricName, $"^(?:{pattern})$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private async Task<Dictionary<string, string?>> ResolveArgumentsAsync(AnalysisRun run, CancellationToken cancellationToken)
    {
        var arguments = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var argument in run.Spec.Args ?? [])
        {
            if (argument.Value is not null)
            {
                arguments[argument.Name] = argument.Value;
            }
            else if (argument.ValueFrom?.SecretKeyRef is { } secretRef)
            {
                var secret = await client.GetAsync<V1Secret>(secretRef.Name, run.Metadata.Namespace, cancellationToken);
                arguments[argument.Name] = secret?.Data?.TryGetValue(secretRef.Key, out var bytes) == true && bytes is not null
                    ? Encoding.UTF8.GetString(bytes)
                    : null;
            }
            else
            {
                arguments[argument.Name] = null;
            }
        }

        return arguments;
    }

    /// <summary>spec.ttlStrategy: a completed run past its time to live is deleted; one not yet past it is looked at again then.</summary>
    private async Task<ReconciliationResult<AnalysisRun>> ExpireAsync(AnalysisRun run, AnalysisPhase phase, CancellationToken cancellationToken)
    {
        if (run.Metadata.DeletionTimestamp is not null || AnalysisRunTtl.DeleteAfter(run.Spec.TtlStrategy, phase, run.Status?.CompletedAt) is not { } deleteAfter)
        {
            return ReconciliationResult<AnalysisRun>.Success(run);
        }

        var now = time.GetUtcNow();
        if (deleteAfter > now)
        {
            return ReconciliationResult<AnalysisRun>.Success(run, deleteAfter - now);
        }

        await client.DeleteAsync<AnalysisRun>(run.Metadata.Name!, run.Metadata.Namespace, cancellationToken: cancellationToken);
        return ReconciliationResult<AnalysisRun>.Success(run);
    }

    private async Task<Model.Measurement> MeasureAsync(Metric metric, IReadOnlyDictionary<string, string?> arguments, CancellationToken cancellationToken)
    {
        var measurement = new Model.Measurement { StartedAt = time.GetUtcNow() };
        try
        {
            var result = await providers.MeasureAsync(metric.Provider, arguments, cancellationToken);
            measurement.Value = result.Text;
            var assessment = MetricConditions.Assess(
                metric.SuccessCondition is { } s ? ArgumentSubstitution.Substitute(s, arguments) : null,
                metric.FailureCondition is { } f ? ArgumentSubstitution.Substitute(f, arguments) : null,
                result.Value);
            measurement.Phase = assessment.Phase.ToString();
            measurement.Message = assessment.ErrorMessage;
            measurement.Metadata = result.Metadata is { Count: > 0 } metadata ? new Dictionary<string, string>(metadata) : null;
        }
        catch (ArgumentException exception) when (measurement.Value is not null)
        {
            // A result shape the evaluator refuses is an Error measurement, never a failed reconcile.
            measurement.Phase = nameof(AnalysisPhase.Error);
            measurement.Message = $"the conditions cannot take this result: {exception.Message}";
        }
        catch (Exception exception) when (exception is MetricQueryException or FormatException or UriFormatException)
        {
            measurement.Phase = nameof(AnalysisPhase.Error);
            measurement.Message = exception.Message;
        }

        measurement.FinishedAt = time.GetUtcNow();
        return measurement;
    }

    private void Report(AnalysisRun run)
    {
        var metrics = (run.Status?.MetricResults ?? [])
            .Select(r => (r.Name, r.Phase, LastValue(r.Measurements?.LastOrDefault()?.Value)))
            .ToList();
        meter.ReportAnalysisRun(run.Metadata.Namespace ?? "", run.Metadata.Name ?? "", run.Status?.Phase ?? nameof(AnalysisPhase.Pending), metrics);
    }

    private static double? LastValue(string? text)
    {
        var first = text?.Trim('[', ']').Split(',')[0];
        return double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
