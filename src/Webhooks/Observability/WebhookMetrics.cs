using System.Diagnostics;
using System.Diagnostics.Metrics;
using Tollgate.Shared.Admission;

namespace Tollgate.Webhooks.Observability;

/// <summary>
/// Decision metrics on the meter <see cref="MeterName"/>: <c>tollgate_admission_requests_total{webhook,operation,decision,reason}</c>,
/// the decision latency histogram, and the break-glass and admin-bypass counters. Every label value comes from a fixed
/// set (operations outside it are <c>other</c>): a request cannot add series.
/// </summary>
public sealed class WebhookMetrics(IMeterFactory meterFactory)
{
    public const string MeterName = "Tollgate.Webhooks";

    private readonly Counter<long> requests = meterFactory.Create(MeterName).CreateCounter<long>(
        "tollgate_admission_requests", "{request}", "Admission decisions by webhook, operation, decision (allow, deny, warn) and reason");

    private readonly Histogram<double> duration = meterFactory.Create(MeterName).CreateHistogram(
        "tollgate_admission_decision_duration",
        "s",
        "Time to decide one admission request from the caches, by webhook and decision",
        tags: null,
        new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05, 0.25, 1] });

    private readonly Counter<long> breakGlass = meterFactory.Create(MeterName).CreateCounter<long>(
        "tollgate_break_glass", "{request}", "Otherwise-denied changes allowed by break-glass, by webhook and namespace");

    private readonly Counter<long> adminBypass = meterFactory.Create(MeterName).CreateCounter<long>(
        "tollgate_admin_bypass", "{request}", "Otherwise-denied changes allowed because the requester is in an admin group, by webhook");

    public void RecordDecision(string webhook, string? operation, string decision, string reason, TimeSpan elapsed)
    {
        var tags = new TagList
        {
            { "webhook", webhook },
            { "operation", AdmissionMetricLabels.Operation(operation) },
            { "decision", decision },
            { "reason", reason },
        };
        requests.Add(1, tags);
        duration.Record(elapsed.TotalSeconds, new TagList { { "webhook", webhook }, { "decision", decision } });
    }

    /// <param name="namespace">A namespace the caller knows to exist, or <see cref="AdmissionMetricLabels.Other"/>: never a raw request field.</param>
    public void RecordBreakGlass(string webhook, string @namespace) =>
        breakGlass.Add(1, new TagList { { "webhook", webhook }, { "namespace", @namespace } });

    public void RecordAdminBypass(string webhook) => adminBypass.Add(1, new TagList { { "webhook", webhook } });
}
