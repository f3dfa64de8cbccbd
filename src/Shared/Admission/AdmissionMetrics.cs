using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Tollgate.Shared.Admission;

/// <summary>Counters and latency of the admission server, on the meter <see cref="MeterName"/>.</summary>
public sealed class AdmissionMetrics(IMeterFactory meterFactory)
{
    public const string MeterName = "Tollgate.Admission";
    public const string RequestsInstrument = "tollgate.admission_server.reviews";
    public const string DurationInstrument = "tollgate.admission_server.duration";
    public const string InvalidRequestsInstrument = "tollgate.admission_server.invalid_requests";
    public const string HandlerFailuresInstrument = "tollgate.admission_server.handler_failures";

    // The factory hands out one cached Meter per name, so each initializer below sees the same meter.
    private readonly Counter<long> requests = meterFactory.Create(MeterName).CreateCounter<long>(
        RequestsInstrument, "{request}", "AdmissionReviews answered, by webhook, operation and allowed");

    private readonly Histogram<double> duration = meterFactory.Create(MeterName).CreateHistogram(
        DurationInstrument,
        "s",
        "Time from receiving an AdmissionReview to having its answer, by webhook, operation and allowed",
        tags: null,
        new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    private readonly Counter<long> invalidRequests = meterFactory.Create(MeterName).CreateCounter<long>(
        InvalidRequestsInstrument, "{request}", "Requests refused before review (malformed, too large...), by webhook and HTTP status");

    private readonly Counter<long> handlerFailures = meterFactory.Create(MeterName).CreateCounter<long>(
        HandlerFailuresInstrument, "{request}", "Requests a webhook threw on (denied with code 500, fail closed), by webhook");

    internal void RecordReview(string webhook, string? operation, bool allowed, TimeSpan elapsed)
    {
        var tags = new TagList
        {
            { "webhook", webhook },
            { "operation", AdmissionMetricLabels.Operation(operation) },
            { "allowed", allowed ? "true" : "false" },
        };
        requests.Add(1, tags);
        duration.Record(elapsed.TotalSeconds, tags);
    }

    internal void RecordHandlerFailure(string webhook) => handlerFailures.Add(1, new TagList { { "webhook", webhook } });

    internal void RecordInvalid(string webhook, int statusCode) =>
        invalidRequests.Add(1, new TagList { { "webhook", webhook }, { "status_code", statusCode } });
}
