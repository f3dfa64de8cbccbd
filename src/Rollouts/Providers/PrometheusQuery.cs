namespace Tollgate.Rollouts.Providers;

/// <summary>One instant query, with every placeholder already substituted.</summary>
public sealed record PrometheusQuery(
    Uri Address,
    string Query,
    TimeSpan Timeout,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    bool Insecure);
