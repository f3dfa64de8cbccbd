using Tollgate.Shared.Entities.Rollouts;

namespace Tollgate.Rollouts.Providers.Prometheus;

/// <summary>One query, with every placeholder substituted and every option decided.</summary>
/// <param name="Range">The range (start, end, step) of a range query; null for an instant query at the time of asking.</param>
/// <param name="BasicAuthorization">The "Basic ..." header from authentication.basicAuth, or null.</param>
public sealed record PrometheusQuery(
    Uri Address,
    string Query,
    TimeSpan Timeout,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    bool Insecure,
    PrometheusRange? Range = null,
    string? BasicAuthorization = null,
    OAuth2Config? OAuth2 = null);
