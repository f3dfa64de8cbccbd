using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Requests;

namespace Tollgate.Testing.ControlPlane;

/// <summary>
/// Issues a client certificate through the cluster's own CertificateSigningRequest API (signer
/// kubernetes.io/kube-apiserver-client), approving it as admin: how tests mint users on a cluster whose CA key they
/// do not hold.
/// </summary>
public sealed class CsrUserIssuer(IKubernetesClient admin)
{
    private static readonly ResourceDescriptor Csr = new("certificates.k8s.io", "v1", "CertificateSigningRequest", "certificatesigningrequests", Namespaced: false);

    public async Task<IssuedCertificate> IssueAsync(string user, IReadOnlyList<string> groups, CancellationToken cancellationToken = default)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subject = new X500DistinguishedNameBuilder();
        foreach (var group in groups)
        {
            subject.AddOrganizationName(group);
        }

        subject.AddCommonName(user);
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256);
        var csrPem = request.CreateSigningRequestPem();
        var name = $"tollgate-test-{RandomNumberGenerator.GetHexString(8, lowercase: true)}";
        var client = admin.Resource(Csr);
        await client.CreateAsync(new JsonObject
        {
            ["apiVersion"] = "certificates.k8s.io/v1",
            ["kind"] = "CertificateSigningRequest",
            ["metadata"] = new JsonObject { ["name"] = name },
            ["spec"] = new JsonObject
            {
                ["request"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(csrPem)),
                ["signerName"] = "kubernetes.io/kube-apiserver-client",
                ["usages"] = new JsonArray("client auth", "digital signature"),
            },
        }, cancellationToken: cancellationToken);
        try
        {
            var created = await client.GetAsync(name, cancellationToken: cancellationToken) ?? throw new ControlPlaneException($"CSR {name} vanished");
            created["status"] = new JsonObject
            {
                ["conditions"] = new JsonArray(new JsonObject
                {
                    ["type"] = "Approved",
                    ["status"] = "True",
                    ["reason"] = "TollgateTests",
                    ["message"] = "approved by the test suite",
                }),
            };
            await client.UpdateSubresourceAsync(name, null, "approval", created, cancellationToken: cancellationToken);

            string? certificate = null;
            await TestControlPlane.WaitUntilAsync(
                $"CSR {name} to be signed",
                async ct =>
                {
                    var current = await client.GetAsync(name, cancellationToken: ct);
                    certificate = current?["status"]?["certificate"]?.GetValue<string>();
                    return !string.IsNullOrEmpty(certificate);
                },
                TimeSpan.FromSeconds(30),
                cancellationToken);
            return new IssuedCertificate(Encoding.UTF8.GetString(Convert.FromBase64String(certificate!)), key.ExportPkcs8PrivateKeyPem());
        }
        finally
        {
            await client.DeleteAsync(name, cancellationToken: CancellationToken.None);
        }
    }
}
