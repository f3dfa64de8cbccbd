using System.Text.Json;
using Tollgate.Shared.Entities.Rollouts;

namespace Tollgate.Rollouts.Providers.Web;

/// <summary>What a web metric sends, decided from its spec exactly as Argo's web provider decides it.</summary>
public sealed record WebRequestPlan(
    string Method,
    Uri Url,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string? Body,
    string? ContentType,
    TimeSpan Timeout,
    JsonPathTemplate JsonPath,
    bool Insecure,
    OAuth2Config? OAuth2)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <exception cref="MetricQueryException">The spec cannot be sent: both bodies, a body with GET, a bad URL or jsonPath.</exception>
    public static WebRequestPlan From(WebMetric web)
    {
        ArgumentNullException.ThrowIfNull(web);
        var method = string.IsNullOrEmpty(web.Method) ? "GET" : web.Method;
        var hasJsonBody = web.JsonBody is { ValueKind: not JsonValueKind.Undefined and not JsonValueKind.Null };
        if (!string.IsNullOrEmpty(web.Body) && hasJsonBody)
        {
            throw new MetricQueryException("use either Body or JSONBody; both cannot exists for WebMetric payload");
        }

        if ((!string.IsNullOrEmpty(web.Body) || hasJsonBody) && method == "GET")
        {
            throw new MetricQueryException("Body/JSONBody can only be used with POST or PUT WebMetric Method types");
        }

        if (!Uri.TryCreate(web.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new MetricQueryException($"web metric url \"{web.Url}\" is not an absolute http(s) URL");
        }

        if (!IsToken(method))
        {
            throw new MetricQueryException($"net/http: invalid method \"{method}\"");
        }

        JsonPathTemplate jsonPath;
        try
        {
            jsonPath = JsonPathTemplate.Parse(string.IsNullOrEmpty(web.JsonPath) ? "{$}" : web.JsonPath);
        }
        catch (FormatException exception)
        {
            throw new MetricQueryException($"web metric jsonPath \"{web.JsonPath}\" does not parse: {exception.Message}", exception);
        }

        if (web.Authentication?.BasicAuth is not null)
        {
            throw new MetricQueryException("authentication.basicAuth is not supported for web metrics (Argo Rollouts ignores it there); send an Authorization header instead");
        }

        if (web.Authentication?.Sigv4 is not null)
        {
            throw new MetricQueryException("authentication.sigv4 is not supported for web metrics (Argo Rollouts ignores it there)");
        }

        var oauth2 = web.Authentication?.OAuth2 is { TokenUrl.Length: > 0 } configured ? configured : null;
        return new WebRequestPlan(
            method,
            url,
            [.. (web.Headers ?? []).Select(h => new KeyValuePair<string, string>(h.Key, h.Value))],
            hasJsonBody ? web.JsonBody!.Value.GetRawText() : string.IsNullOrEmpty(web.Body) ? null : web.Body,
            hasJsonBody ? "application/json" : null,
            web.TimeoutSeconds is > 0 and var seconds ? TimeSpan.FromSeconds(seconds) : DefaultTimeout,
            jsonPath,
            web.Insecure == true,
            oauth2);
    }

    private static bool IsToken(string method) =>
        method.Length > 0 && method.All(c => c is > ' ' and < '\u007f' && !"()<>@,;:\\\"/[]?={}".Contains(c, StringComparison.Ordinal));
}
