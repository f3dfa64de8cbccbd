using System.Text.Json;
using Tollgate.Shared.Durations;
using Tollgate.Shared.Entities.Rollouts;

namespace Tollgate.Shared.Entities.Rollouts.Validation;

/// <summary>
/// Pure: a metric's provider section. Exactly one provider, as Argo requires; only the providers the rollout controller
/// runs (prometheus, web); and the options it cannot honour refused by name instead of failing every measurement later.
/// Templated values ({{args.x}}) are checked only where they cannot hide the problem.
/// </summary>
public static class MetricProviderValidator
{
    public static readonly IReadOnlyList<string> Supported = ["prometheus", "web"];

    public static void Check(MetricProvider provider, string field, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(errors);
        var set = SetProviders(provider);
        var supported = string.Join(", ", Supported);
        if (set.Count == 0)
        {
            errors.Add($"{field}: no provider specified; Tollgate supports {supported}");
            return;
        }

        if (set.Count > 1)
        {
            errors.Add($"{field}: multiple providers specified ({string.Join(", ", set)}); a metric has exactly one");
            return;
        }

        if (!Supported.Contains(set[0]))
        {
            errors.Add($"{field}.{set[0]} is not supported by Tollgate; supported providers: {supported}");
            return;
        }

        if (provider.Prometheus is { } prometheus)
        {
            CheckPrometheus(prometheus, $"{field}.prometheus", errors);
        }

        if (provider.Web is { } web)
        {
            CheckWeb(web, $"{field}.web", errors);
        }
    }

    private static List<string> SetProviders(MetricProvider provider)
    {
        List<string> set = [];
        void Add(string name, bool present)
        {
            if (present)
            {
                set.Add(name);
            }
        }

        Add("prometheus", provider.Prometheus is not null);
        Add("web", provider.Web is not null);
        Add("job", IsSet(provider.Job));
        Add("kayenta", IsSet(provider.Kayenta));
        Add("datadog", IsSet(provider.Datadog));
        Add("wavefront", IsSet(provider.Wavefront));
        Add("newRelic", IsSet(provider.NewRelic));
        Add("cloudWatch", IsSet(provider.CloudWatch));
        Add("graphite", IsSet(provider.Graphite));
        Add("influxdb", IsSet(provider.Influxdb));
        Add("skywalking", IsSet(provider.SkyWalking));
        Add("plugin", IsSet(provider.Plugin));
        foreach (var unknown in provider.AdditionalProperties?.Keys ?? [])
        {
            set.Add(unknown);
        }

        return set;
    }

    private static bool IsSet(JsonElement? element) => element is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined };

    private static void CheckPrometheus(PrometheusMetric prometheus, string field, List<string> errors)
    {
        // No address means the rollout controller's PROMETHEUS_URL, the central default Argo Rollouts also has.
        if (!string.IsNullOrEmpty(prometheus.Address) && !IsTemplated(prometheus.Address) && !IsHttpUrl(prometheus.Address))
        {
            errors.Add($"{field}.address '{prometheus.Address}' is not an http(s) URL");
        }

        if (string.IsNullOrWhiteSpace(prometheus.Query))
        {
            errors.Add($"{field}.query is required");
        }

        if (prometheus.Timeout is < 0)
        {
            errors.Add($"{field}.timeout must not be negative, not {prometheus.Timeout}");
        }

        if (prometheus.RangeQuery is { } range)
        {
            Require(range.Start, $"{field}.rangeQuery.start", "a time such as now() - duration(\"5m\")", errors);
            Require(range.End, $"{field}.rangeQuery.end", "a time such as now()", errors);
            Require(range.Step, $"{field}.rangeQuery.step", "a duration such as 30s", errors);
            if (range.Step is { Length: > 0 } step && !IsTemplated(step) && !GoDuration.TryParse(step, out _, out _))
            {
                errors.Add($"{field}.rangeQuery.step '{step}' is not a duration such as 30s, 5m or 1h");
            }
        }

        if (prometheus.Authentication is { } authentication)
        {
            if (authentication.Sigv4 is { } sigv4 && (sigv4.Region is { Length: > 0 } || sigv4.Profile is { Length: > 0 } || sigv4.RoleArn is { Length: > 0 }))
            {
                errors.Add($"{field}.authentication.sigv4 is not supported by Tollgate (it cannot sign requests for Amazon Managed Prometheus); "
                    + "put a SigV4 signing proxy in front of the workspace and use headers, basicAuth or oauth2");
            }

            if (authentication.BasicAuth is { } basic && (basic.Username is { Length: > 0 } || basic.Password is { Length: > 0 }))
            {
                Require(basic.Username, $"{field}.authentication.basicAuth.username", "set with the password", errors);
                Require(basic.Password, $"{field}.authentication.basicAuth.password", "set with the username", errors);
            }

            CheckOAuth2(authentication.OAuth2, $"{field}.authentication.oauth2", errors);
        }
    }

    private static void CheckWeb(WebMetric web, string field, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(web.Url))
        {
            errors.Add($"{field}.url is required");
        }
        else if (!IsTemplated(web.Url) && !IsHttpUrl(web.Url))
        {
            errors.Add($"{field}.url '{web.Url}' is not an http(s) URL");
        }

        var hasJsonBody = web.JsonBody is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined };
        if (!string.IsNullOrEmpty(web.Body) && hasJsonBody)
        {
            errors.Add($"{field}: use either body or jsonBody, not both");
        }

        if ((!string.IsNullOrEmpty(web.Body) || hasJsonBody) && (string.IsNullOrEmpty(web.Method) || web.Method == "GET"))
        {
            errors.Add($"{field}: body and jsonBody need method POST or PUT");
        }

        if (web.Authentication is { } authentication)
        {
            if (authentication.Sigv4 is not null)
            {
                errors.Add($"{field}.authentication.sigv4 is not supported for web metrics (Argo Rollouts ignores it there); use headers or oauth2");
            }

            if (authentication.BasicAuth is not null)
            {
                errors.Add($"{field}.authentication.basicAuth is not supported for web metrics (Argo Rollouts ignores it there); "
                    + "send an Authorization header instead");
            }

            CheckOAuth2(authentication.OAuth2, $"{field}.authentication.oauth2", errors);
        }
    }

    private static void CheckOAuth2(OAuth2Config? oauth2, string field, List<string> errors)
    {
        if (oauth2 is null || string.IsNullOrEmpty(oauth2.TokenUrl))
        {
            if (oauth2 is not null && (oauth2.ClientId is { Length: > 0 } || oauth2.ClientSecret is { Length: > 0 } || oauth2.Scopes is { Count: > 0 }))
            {
                errors.Add($"{field}.tokenUrl is required when clientId, clientSecret or scopes are set");
            }

            return;
        }

        if (!IsTemplated(oauth2.TokenUrl) && !IsHttpUrl(oauth2.TokenUrl))
        {
            errors.Add($"{field}.tokenUrl '{oauth2.TokenUrl}' is not an http(s) URL");
        }

        Require(oauth2.ClientId, $"{field}.clientId", "set with tokenUrl", errors);
        Require(oauth2.ClientSecret, $"{field}.clientSecret", "set with tokenUrl", errors);
    }

    private static void Require(string? value, string field, string what, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{field} is required: {what}");
        }
    }

    private static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0;

    private static bool IsTemplated(string text) => text.Contains("{{", StringComparison.Ordinal);
}
