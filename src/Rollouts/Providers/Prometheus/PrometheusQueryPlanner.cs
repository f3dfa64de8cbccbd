using System.Text;
using Tollgate.Rollouts.Analysis;
using Tollgate.Shared.Entities.Rollouts;

namespace Tollgate.Rollouts.Providers.Prometheus;

/// <summary>Decides a Prometheus query from a metric's spec as Argo's provider does: address, timeout, auth, range.</summary>
public static class PrometheusQueryPlanner
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <param name="defaultAddress">The controller's PROMETHEUS_URL, used when the metric names no address.</param>
    /// <exception cref="MetricQueryException">The spec cannot be queried; the message says which field and why.</exception>
    public static PrometheusQuery Plan(PrometheusMetric metric, string? defaultAddress, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var address = metric.Address is { Length: > 0 } given ? given : defaultAddress
            ?? throw new MetricQueryException($"prometheus address is not configured: the metric names none and {PrometheusProvider.AddressVariable} is not set");
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            throw new MetricQueryException($"prometheus address \"{address}\" is not a URL");
        }

        if (metric.Timeout is < 0)
        {
            throw new MetricQueryException("prometheus timeout should not be negative");
        }

        var authentication = metric.Authentication;
        if (authentication?.Sigv4 is { } sigv4 && (sigv4.Region is { Length: > 0 } || sigv4.Profile is { Length: > 0 } || sigv4.RoleArn is { Length: > 0 }))
        {
            throw new MetricQueryException("prometheus authentication.sigv4 is not supported by Tollgate");
        }

        return new PrometheusQuery(
            uri,
            metric.Query ?? "",
            metric.Timeout is { } seconds ? TimeSpan.FromSeconds(seconds) : DefaultTimeout,
            [.. (metric.Headers ?? []).Select(h => new KeyValuePair<string, string>(h.Key, h.Value))],
            metric.Insecure == true,
            metric.RangeQuery is { } range ? Range(range, now) : null,
            BasicAuthorization(authentication?.BasicAuth),
            authentication?.OAuth2 is { TokenUrl.Length: > 0 } oauth2 ? oauth2 : null);
    }

    private static PrometheusRange Range(PrometheusRangeQuery range, DateTimeOffset now)
    {
        DateTimeOffset start;
        DateTimeOffset end;
        TimeSpan step;
        try
        {
            start = RangeQueryTime.Evaluate(range.Start ?? "", now);
        }
        catch (FormatException exception)
        {
            throw new MetricQueryException($"failed to parse rangeQuery.start as time: {exception.Message}", exception);
        }

        try
        {
            end = RangeQueryTime.Evaluate(range.End ?? "", now);
        }
        catch (FormatException exception)
        {
            throw new MetricQueryException($"failed to parse rangeQuery.end as time: {exception.Message}", exception);
        }

        try
        {
            step = AnalysisDuration.Parse(range.Step ?? "");
        }
        catch (FormatException exception)
        {
            throw new MetricQueryException($"failed to parse rangeQuery.step as duration: {exception.Message}", exception);
        }

        return new PrometheusRange(start, end, step);
    }

    private static string? BasicAuthorization(BasicAuthConfig? basic)
    {
        if (basic is null || (string.IsNullOrEmpty(basic.Username) && string.IsNullOrEmpty(basic.Password)))
        {
            return null;
        }

        if (string.IsNullOrEmpty(basic.Username))
        {
            throw new MetricQueryException("missing mandatory parameter in metric for basic auth setup: username");
        }

        if (string.IsNullOrEmpty(basic.Password))
        {
            throw new MetricQueryException("missing mandatory parameter in metric for basic auth setup: password");
        }

        return "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{basic.Username}:{basic.Password}"));
    }
}
