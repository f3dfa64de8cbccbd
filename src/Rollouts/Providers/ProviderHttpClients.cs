namespace Tollgate.Rollouts.Providers;

/// <summary>
/// The two HTTP clients every provider shares: one verifying TLS certificates, one skipping verification for metrics that
/// set insecure. Timeouts come from each request's cancellation, so the clients have none.
/// </summary>
public sealed class ProviderHttpClients : IDisposable
{
    private readonly HttpClient verifying = Create(insecure: false);
    private readonly HttpClient insecure = Create(insecure: true);

    public HttpClient For(bool skipTlsVerification) => skipTlsVerification ? insecure : verifying;

    public void Dispose()
    {
        verifying.Dispose();
        insecure.Dispose();
    }

    private static HttpClient Create(bool insecure)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(30),
            AllowAutoRedirect = true,
        };
        if (insecure)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        }

        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
