using System.Text;
using Model = Tollgate.Shared.Entities.Rollouts;

namespace Tollgate.Rollouts.Providers.Web;

/// <summary>Argo's web provider: one HTTP request per measurement; a non-2xx answer is an Error.</summary>
public sealed class WebMetricProvider(ProviderHttpClients clients) : IMetricProvider
{
    /// <summary>The most of a response body read; Argo reads all, which a misbehaving endpoint can make unbounded.</summary>
    public const int MaxBodyBytes = 1 << 20;

    private static readonly HashSet<string> ContentHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Allow", "Content-Disposition", "Content-Encoding", "Content-Language", "Content-Length", "Content-Location",
        "Content-MD5", "Content-Range", "Content-Type", "Expires", "Last-Modified",
    };

    public string Name => "web";

    public bool Serves(Model.MetricProvider provider) => provider?.Web is not null;

    public async Task<MetricValue> MeasureAsync(Model.MetricProvider provider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var plan = WebRequestPlan.From(provider.Web!);
        var http = clients.For(plan.Insecure);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(plan.Timeout);
        try
        {
            using var request = new HttpRequestMessage(new HttpMethod(plan.Method), plan.Url);
            if (plan.Body is not null)
            {
                request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(plan.Body));
            }

            foreach (var (key, value) in plan.Headers)
            {
                SetHeader(request, key, value);
            }

            if (plan.ContentType is { } contentType)
            {
                SetHeader(request, "Content-Type", contentType);
            }

            if (plan.OAuth2 is { } oauth2)
            {
                SetHeader(request, "Authorization", await OAuth2ClientCredentials.AuthorizationAsync(http, oauth2, timeout.Token));
            }

            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if ((int)response.StatusCode is < 200 or >= 300)
            {
                throw new MetricQueryException($"received non 2xx response code: {(int)response.StatusCode}");
            }

            var body = await BoundedContent.ReadAsync(response.Content, MaxBodyBytes, $"web metric {plan.Url}", timeout.Token);
            return WebResponseReader.Read(body, plan.JsonPath);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new MetricQueryException($"web metric {plan.Method} {plan.Url} did not answer within {plan.Timeout.TotalSeconds}s (timeoutSeconds)");
        }
        catch (HttpRequestException exception)
        {
            throw new MetricQueryException($"web metric {plan.Method} {plan.Url} failed: {exception.Message}", exception);
        }
    }

    /// <summary>Go's Header.Set: a later value for the same key replaces the earlier one.</summary>
    private static void SetHeader(HttpRequestMessage request, string key, string value)
    {
        if (!ContentHeaders.Contains(key))
        {
            request.Headers.Remove(key);
            if (!request.Headers.TryAddWithoutValidation(key, value))
            {
                throw new MetricQueryException($"header \"{key}\" cannot be set on a web metric request");
            }

            return;
        }

        request.Content ??= new ByteArrayContent([]);
        request.Content.Headers.Remove(key);
        if (!request.Content.Headers.TryAddWithoutValidation(key, value))
        {
            throw new MetricQueryException($"header \"{key}\" cannot be set on a web metric request");
        }
    }
}
