using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Model = Tollgate.Shared.Entities.Rollouts;

using Tollgate.Shared.Formatting;
namespace Tollgate.Rollouts.Providers.Prometheus;

/// <summary>
/// Queries Prometheus' HTTP API as Argo's client does: a form POST to /api/v1/query (or /api/v1/query_range), repeated
/// as a GET when the server answers 405 or 501.
/// </summary>
public sealed class PrometheusProvider(ProviderHttpClients clients, TimeProvider time) : IMetricProvider
{
    /// <summary>The environment variable that gives the address when a metric names none.</summary>
    public const string AddressVariable = "PROMETHEUS_URL";

    /// <summary>The most of a response read: a 100,000-sample vector is about 6 MB.</summary>
    public const int MaxBodyBytes = 32 << 20;

    /// <summary>The address from <see cref="AddressVariable"/>, or null when unset.</summary>
    public static string? DefaultAddress => Environment.GetEnvironmentVariable(AddressVariable) is { Length: > 0 } address ? address : null;

    public string Name => "prometheus";

    public bool Serves(Model.MetricProvider provider) => provider?.Prometheus is not null;

    public Task<MetricValue> MeasureAsync(Model.MetricProvider provider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return QueryAsync(PrometheusQueryPlanner.Plan(provider.Prometheus!, DefaultAddress, time.GetUtcNow()), cancellationToken);
    }

    /// <exception cref="MetricQueryException">Prometheus could not be reached, answered with an error or with an unreadable body.</exception>
    public async Task<MetricValue> QueryAsync(PrometheusQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var http = clients.For(query.Insecure);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(query.Timeout);
        try
        {
            var authorization = query.OAuth2 is { } oauth2
                ? await OAuth2ClientCredentials.AuthorizationAsync(http, oauth2, timeout.Token)
                : query.BasicAuthorization;
            var (path, form) = Request(query, time.GetUtcNow());
            var endpoint = new Uri(query.Address, $"{query.Address.AbsolutePath.TrimEnd('/')}{path}");
            var (status, body) = await SendAsync(http, HttpMethod.Post, endpoint, form, query, authorization, timeout.Token);
            if (status is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotImplemented)
            {
                (status, body) = await SendAsync(http, HttpMethod.Get, endpoint, form, query, authorization, timeout.Token);
            }

            if ((int)status / 100 != 2 && (int)status is not (400 or 422 or 503))
            {
                var kind = ((int)status / 100) switch { 4 => "client_error: client error", 5 => "server_error: server error", _ => "bad_response: bad response code" };
                throw new MetricQueryException($"prometheus at {query.Address} answered {kind}: {(int)status}");
            }

            return PrometheusResponseParser.Parse(Encoding.UTF8.GetString(body));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new MetricQueryException($"prometheus at {query.Address} did not answer within {query.Timeout.TotalSeconds}s");
        }
        catch (HttpRequestException exception)
        {
            throw new MetricQueryException($"prometheus at {query.Address} is unreachable: {exception.Message}", exception);
        }
        catch (FormatException exception)
        {
            throw new MetricQueryException(exception.Message, exception);
        }
    }

    /// <summary>The API path and the form arguments, formatted as client_golang formats times and steps.</summary>
    public static (string Path, string Form) Request(PrometheusQuery query, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(query);
        var arguments = new List<KeyValuePair<string, string>> { new("query", query.Query) };
        if (query.Range is { } range)
        {
            arguments.Add(new("start", UnixSeconds(range.Start)));
            arguments.Add(new("end", UnixSeconds(range.End)));
            arguments.Add(new("step", GoFloat.Fixed(range.Step.TotalSeconds)));
            return ("/api/v1/query_range", GoQuery.Encode(arguments));
        }

        arguments.Add(new("time", UnixSeconds(now)));
        return ("/api/v1/query", GoQuery.Encode(arguments));
    }

    private static string UnixSeconds(DateTimeOffset at) =>
        GoFloat.Fixed((at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / (double)TimeSpan.TicksPerSecond);

    private static async Task<(HttpStatusCode Status, byte[] Body)> SendAsync(
        HttpClient http, HttpMethod method, Uri endpoint, string form, PrometheusQuery query, string? authorization, CancellationToken cancellationToken)
    {
        using var request = method == HttpMethod.Get
            ? new HttpRequestMessage(method, new UriBuilder(endpoint) { Query = form }.Uri)
            : new HttpRequestMessage(method, endpoint) { Content = new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded") };
        if (request.Content is not null)
        {
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        foreach (var (key, value) in query.Headers)
        {
            // Argo's header round tripper runs last, so a configured header replaces even Authorization.
            request.Headers.Remove(key);
            request.Headers.TryAddWithoutValidation(key, value);
        }

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var body = await BoundedContent.ReadAsync(response.Content, MaxBodyBytes, $"prometheus at {query.Address}", cancellationToken);
        return (response.StatusCode, body);
    }
}
