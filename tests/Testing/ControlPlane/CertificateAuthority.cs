using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Tollgate.Testing.ControlPlane;

/// <summary>A throwaway CA (ECDSA P-256) that issues serving and client certificates for a test control plane.</summary>
public sealed class CertificateAuthority : IDisposable
{
    private readonly ECDsa key;

    private CertificateAuthority(X509Certificate2 certificate, ECDsa key)
    {
        Certificate = certificate;
        this.key = key;
    }

    public X509Certificate2 Certificate { get; }

    public string CertificatePem => Certificate.ExportCertificatePem();

    public string KeyPem => key.ExportPkcs8PrivateKeyPem();

    public static CertificateAuthority Create(string commonName)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddYears(1));
        return new CertificateAuthority(certificate, key);
    }

    /// <summary>A serving certificate for the given DNS names and IP addresses.</summary>
    public IssuedCertificate IssueServer(string commonName, IEnumerable<string> dnsNames, IEnumerable<IPAddress> addresses)
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

        return Issue($"CN={commonName}", X509KeyUsageFlags.DigitalSignature, "1.3.6.1.5.5.7.3.1", names.Build());
    }

    /// <summary>A client certificate: Kubernetes reads the user from CN and the groups from the O entries.</summary>
    public IssuedCertificate IssueClient(string user, IEnumerable<string> groups)
    {
        var subject = new X500DistinguishedNameBuilder();
        foreach (var group in groups)
        {
            subject.AddOrganizationName(group);
        }

        subject.AddCommonName(user);
        return Issue(subject.Build().Name, X509KeyUsageFlags.DigitalSignature, "1.3.6.1.5.5.7.3.2", null);
    }

    public void Dispose()
    {
        key.Dispose();
        Certificate.Dispose();
    }

    private IssuedCertificate Issue(string subject, X509KeyUsageFlags usage, string extendedUsageOid, X509Extension? alternativeNames)
    {
        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName(subject), leafKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(extendedUsageOid)], false));
        if (alternativeNames is not null)
        {
            request.CertificateExtensions.Add(alternativeNames);
        }

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7f;
        using var certificate = request.Create(Certificate, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(30), serial);
        return new IssuedCertificate(certificate.ExportCertificatePem(), leafKey.ExportPkcs8PrivateKeyPem());
    }
}
