using System.Net;
using System.Security.Cryptography.X509Certificates;
using Tollgate.Shared.Kube.Config;

namespace Tollgate.Shared.Kube.Http;

/// <summary>
/// The official client's HTTP pipeline (TLS trust, client certificates, tokens, OIDC, basic auth) for our requests. An
/// exec plugin's client certificate lives in the TLS handshake, so a new certificate gets a new pipeline: requests in
/// flight finish on the old one, new requests open connections with the new certificate.
/// </summary>
internal sealed class KubernetesTransport : IDisposable
{
    // The official client reads its handler set-up hook from the configuration object, which clients built from one
    // configuration share: setting the hook and constructing must not interleave.
    private static readonly Lock BuildGate = new();
    private readonly KubernetesClientConfiguration config;
    private readonly k8s.KubernetesClientConfiguration official;
    private readonly Lock gate = new();
    private readonly List<k8s.Kubernetes> retired = [];
    private k8s.Kubernetes active;
    private X509Certificate2? certificateInUse;

    public KubernetesTransport(KubernetesClientConfiguration config)
    {
        this.config = config;
        official = config.Official ?? new k8s.KubernetesClientConfiguration
        {
            Host = config.Host.ToString(),
            SslCaCerts = config.CaCertificates.Count > 0 ? config.CaCertificates : null,
        };
        active = Build(certificate: null);
    }

    /// <summary>Adds the credentials to <paramref name="request"/> and returns the client to send it with and the exec credential used.</summary>
    public async Task<(HttpClient Client, ExecCredential? Used)> PrepareAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var client = Volatile.Read(ref active);
        if (client.Credentials is { } credentials)
        {
            await credentials.ProcessHttpRequestAsync(request, cancellationToken);
        }

        var used = config.ExecPlugin?.Current;
        if (used?.ClientCertificate is { } certificate && !ReferenceEquals(certificate, Volatile.Read(ref certificateInUse)))
        {
            lock (gate)
            {
                if (!ReferenceEquals(certificate, certificateInUse))
                {
                    retired.Add(active);
                    Volatile.Write(ref active, Build(certificate));
                    Volatile.Write(ref certificateInUse, certificate);
                }

                client = active;
            }
        }

        return (client.HttpClient, used);
    }

    public void Dispose()
    {
        lock (gate)
        {
            active.Dispose();
            foreach (var old in retired)
            {
                old.Dispose();
            }
        }
    }

    private k8s.Kubernetes Build(X509Certificate2? certificate)
    {
        try
        {
            lock (BuildGate)
            {
                official.FirstMessageHandlerSetup = handler => Configure(handler, certificate);
                return new k8s.Kubernetes(official);
            }
        }
        catch (Exception e) when (e is not KubeConfigException)
        {
            throw new KubeConfigException($"cannot set up the connection to {config.Host}: {OneLine.Of(e.Message)}", e);
        }
    }

    private void Configure(SocketsHttpHandler handler, X509Certificate2? certificate)
    {
        handler.ConnectTimeout = TimeSpan.FromSeconds(10);
        handler.PooledConnectionLifetime = TimeSpan.FromMinutes(10);
        if (config.Proxy is { } proxy)
        {
            handler.Proxy = new WebProxy(proxy);
            handler.UseProxy = true;
        }

        if (certificate is not null)
        {
            handler.SslOptions.ClientCertificates = [certificate];
            handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => certificate;
        }
    }
}
