using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Tollgate.Shared.Kube.Config;

namespace Tollgate.Shared.Kube.Http;

/// <summary>One pooled HTTP/2-capable client per configuration, trusting exactly the configured CA.</summary>
internal static class KubernetesHttpClientFactory
{
    public static HttpClient Create(KubernetesClientConfiguration config)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            KeepAlivePingDelay = TimeSpan.FromSeconds(30),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(15),
            EnableMultipleHttp2Connections = true,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            SslOptions = new SslClientAuthenticationOptions
            {
                ClientCertificates = config.ClientCertificate is null ? null : [config.ClientCertificate],
                RemoteCertificateValidationCallback = (_, certificate, _, errors) => Validate(config, certificate, errors),
            },
        };

        return new HttpClient(handler, disposeHandler: true)
        {
            BaseAddress = config.Host,
            Timeout = Timeout.InfiniteTimeSpan,
            DefaultRequestVersion = System.Net.HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
    }

    private static bool Validate(KubernetesClientConfiguration config, X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (config.SkipTlsVerify || errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (certificate is null || config.CaCertificates.Count == 0 || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.AddRange(config.CaCertificates);
        using var serverCertificate = new X509Certificate2(certificate);
        return chain.Build(serverCertificate);
    }
}
