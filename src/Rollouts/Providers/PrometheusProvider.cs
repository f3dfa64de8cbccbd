using System.Net.Http.Headers;

namespace Tollgate.Rollouts.Providers;

/// <summary>Runs instant queries through Prometheus' HTTP API (GET /api/v1/query).</summary>
public sealed class PrometheusProvider : IDisposable
{
    /// <summary>The environment variable that gives the address when a metric names none.</summary>
    public const string AddressVariable = "PROMETHEUS_URL";

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private readonly HttpClient verifying = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = System.Threading.Timeout.InfiniteTimeSpan,
    };

    private readonly HttpClient insecure = new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
    })
    {
        Timeout = System.Threading.Timeout.InfiniteTimeSpan,
    };

    /// <summary>The address from <see cref="AddressVariable"/>, or null when unset.</summary>
    public static string? DefaultAddress => Environment.GetEnvironmentVariable(AddressVariable) is { Length: > 0 } address ? address : null;

    /// <exception cref="PrometheusQueryException">Prometheus could not be reached, answered with an error or with an unreadable body.</exception>
    public async Task<PrometheusResult> QueryAsync(PrometheusQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var uri = new Uri(query.Address, $"{query.Address.AbsolutePath.TrimEnd('/')}/api/v1/query?query={Uri.EscapeDataString(query.Query)}");
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        foreach (var (key, value) in query.Headers)
        {
            request.Headers.TryAddWithoutValidation(key, value);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(query.Timeout);
        try
        {
            using var response = await (query.Insecure ? insecure : verifying).SendAsync(request, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            if (!response.IsSuccessStatusCode && !body.TrimStart().StartsWith('{'))
            {
                throw new PrometheusQueryException($"prometheus at {query.Address} answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            return PrometheusResponseParser.Parse(body);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PrometheusQueryException($"prometheus at {query.Address} did not answer within {query.Timeout.TotalSeconds}s");
        }
        catch (HttpRequestException exception)
        {
            throw new PrometheusQueryException($"prometheus at {query.Address} is unreachable: {exception.Message}", exception);
        }
        catch (FormatException exception)
        {
            throw new PrometheusQueryException(exception.Message, exception);
        }
    }

    public void Dispose()
    {
        verifying.Dispose();
        insecure.Dispose();
    }
}
