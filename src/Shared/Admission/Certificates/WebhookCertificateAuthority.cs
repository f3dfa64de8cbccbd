using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Tollgate.Shared.Admission.Certificates;

/// <summary>
/// A self-signed CA (ECDSA P-256) for running webhooks outside a cluster's certificate management: it issues the
/// serving certificate, and its certificate is the caBundle the API server trusts.
/// </summary>
public sealed class WebhookCertificateAuthority : IDisposable
{
    private readonly ECDsa key;

    private WebhookCertificateAuthority(X509Certificate2 certificate, ECDsa key)
    {
        Certificate = certificate;
        this.key = key;
    }

    public X509Certificate2 Certificate { get; }

    public string CertificatePem => Certificate.ExportCertificatePem();

    /// <summary>The CA certificate as PEM bytes: the value of a webhook's clientConfig.caBundle.</summary>
    public byte[] CaBundle => Encoding.UTF8.GetBytes(CertificatePem + "\n");

    public static WebhookCertificateAuthority Create(string commonName = "tollgate-webhook-ca", TimeSpan? validity = null)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        try
        {
            var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
            var now = DateTimeOffset.UtcNow;
            var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now + (validity ?? TimeSpan.FromDays(365)));
            return new WebhookCertificateAuthority(certificate, key);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>A serving certificate for 127.0.0.1, ::1 and localhost: what a webhook on this machine needs.</summary>
    public ServingCertificate IssueLocalServingCertificate(TimeSpan? validity = null) =>
        IssueServingCertificate("tollgate-webhook", ["localhost"], [IPAddress.Loopback, IPAddress.IPv6Loopback], validity);

    /// <summary>A serving certificate (fresh key, random serial) for the given names, for example a Service's DNS names.</summary>
    public ServingCertificate IssueServingCertificate(
        string commonName, IEnumerable<string> dnsNames, IEnumerable<IPAddress> addresses, TimeSpan? validity = null)
    {
        var names = new SubjectAlternativeNameBuilder();
        foreach (var dns in dnsNames)
        {
            names.AddDnsName(dns);
        }

        foreach (var address in addresses)
        {
            names.AddIpAddress(address);
        }

        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}", leafKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, true, false));

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7f;
        var now = DateTimeOffset.UtcNow;
        var notAfter = now + (validity ?? TimeSpan.FromDays(90));
        if (notAfter > Certificate.NotAfter)
        {
            notAfter = Certificate.NotAfter;
        }

        using var certificate = request.Create(Certificate, now.AddMinutes(-5), notAfter, serial);
        return new ServingCertificate(certificate.ExportCertificatePem(), leafKey.ExportPkcs8PrivateKeyPem());
    }

    public void Dispose()
    {
        key.Dispose();
        Certificate.Dispose();
    }
}
