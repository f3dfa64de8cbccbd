using System.Diagnostics.Metrics;

namespace Tollgate.Shared.Operator.Controllers;

/// <summary>Reconcile instruments; one instance per meter, tagged with <c>controller</c> (and <c>result</c>).</summary>
public sealed class ReconcileMetrics(Meter meter)
{
    public const string ResultSuccess = "success";
    public const string ResultFailure = "failure";
    public const string ResultError = "error";

    private readonly Counter<long> total = meter.CreateCounter<long>(
        "reconcile_total", unit: "{reconcile}", description: "Reconciles, finalizations and deletion callbacks by result.");

    private readonly Counter<long> errors = meter.CreateCounter<long>(
        "reconcile_errors_total", unit: "{reconcile}", description: "Reconciles that returned a failure or threw.");

    private readonly Histogram<double> duration = meter.CreateHistogram<double>(
        "reconcile_duration_seconds", unit: "s", description: "Time spent in one reconcile.");

    internal void Record(string controller, string result, TimeSpan elapsed)
    {
        var controllerTag = new KeyValuePair<string, object?>("controller", controller);
        total.Add(1, controllerTag, new KeyValuePair<string, object?>("result", result));
        if (result != ResultSuccess)
        {
            errors.Add(1, controllerTag);
        }

        duration.Record(elapsed.TotalSeconds, controllerTag);
    }
}
