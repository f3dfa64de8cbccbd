using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tollgate.Shared.Admission;
using Tollgate.Shared.Admission.Certificates;

namespace Tollgate.Shared.Tests.Admission;

/// <summary>
/// The admission endpoints on real Kestrel HTTPS at 127.0.0.1 (a free port), serving tls.crt/tls.key from a directory
/// and reloading them; counts accepted TCP connections so tests can tell a new handshake happened.
/// </summary>
internal sealed class HttpsAdmissionServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private int connections;

    private HttpsAdmissionServer(WebApplication app, ReloadingCertificate certificate)
    {
        this.app = app;
        Certificate = certificate;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        BaseAddress = new Uri(address);
    }

    public Uri BaseAddress { get; }

    public ReloadingCertificate Certificate { get; }

    public int AcceptedConnections => Volatile.Read(ref connections);

    public IReadOnlyList<IAdmissionWebhook> Webhooks => [.. app.Services.GetServices<IAdmissionWebhook>()];

    public static async Task<HttpsAdmissionServer> StartAsync(
        string certificateDirectory,
        Action<AdmissionWebhookBuilder> webhooks,
        TimeSpan? keepAliveTimeout = null)
    {
        var certificate = new ReloadingCertificate(
            Path.Combine(certificateDirectory, ServingCertificate.CertificateFileName),
            Path.Combine(certificateDirectory, ServingCertificate.KeyFileName),
            NullLogger<ReloadingCertificate>.Instance,
            pollInterval: TimeSpan.FromSeconds(1));
        HttpsAdmissionServer? server = null;
        try
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                if (keepAliveTimeout is { } timeout)
                {
                    kestrel.Limits.KeepAliveTimeout = timeout;
                }

                kestrel.Listen(IPAddress.Loopback, 0, listen =>
                {
                    listen.Use(next => async connection =>
                    {
                        Interlocked.Increment(ref server!.connections);
                        await next(connection);
                    });
                    listen.UseAdmissionHttps(certificate);
                });
            });
            webhooks(builder.Services.AddAdmissionWebhooks());
            var app = builder.Build();
            app.MapAdmissionWebhooks();
            await app.StartAsync();
            server = new HttpsAdmissionServer(app, certificate);
            return server;
        }
        catch
        {
            certificate.Dispose();
            throw;
        }
    }

    /// <summary>Handshakes with the server and returns the certificate it presented, after checking it chains to <paramref name="trustedCa"/>.</summary>
    public async Task<ServedCertificate> GetServedCertificateAsync(X509Certificate2 trustedCa, CancellationToken cancellationToken)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, BaseAddress.Port, cancellationToken);
        SslPolicyErrors errors = SslPolicyErrors.None;
        await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false);
        await tls.AuthenticateAsClientAsync(
            new SslClientAuthenticationOptions
            {
                TargetHost = "127.0.0.1",
                RemoteCertificateValidationCallback = (_, _, _, sslErrors) =>
                {
                    errors = sslErrors;
                    return true;
                },
            },
            cancellationToken);
        var served = X509CertificateLoader.LoadCertificate(tls.RemoteCertificate!.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(trustedCa);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        var trusted = chain.Build(served);
        return new ServedCertificate(served, tls.SslProtocol, trusted && (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None);
    }

    /// <summary>Handshakes until the server presents the certificate with <paramref name="serial"/>.</summary>
    public async Task<ServedCertificate> WaitForServedSerialAsync(X509Certificate2 trustedCa, string serial, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var served = await GetServedCertificateAsync(trustedCa, cancellationToken);
            if (served.Certificate.SerialNumber == serial || DateTime.UtcNow > deadline)
            {
                Assert.Equal(serial, served.Certificate.SerialNumber);
                return served;
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Certificate.Dispose();
    }
}
