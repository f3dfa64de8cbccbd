using System.Text;

namespace Tollgate.Testing.ControlPlane;

public static class KubeconfigWriter
{
    /// <summary>A kubeconfig with everything embedded, for a client-certificate user.</summary>
    public static string ForClientCertificate(Uri server, string caPem, IssuedCertificate client, string user, string contextName = "tollgate-test")
    {
        static string B64(string pem) => Convert.ToBase64String(Encoding.UTF8.GetBytes(pem));
        return $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: {contextName}
              cluster:
                server: {server.ToString().TrimEnd('/')}
                certificate-authority-data: {B64(caPem)}
            users:
            - name: {user}
              user:
                client-certificate-data: {B64(client.CertificatePem)}
                client-key-data: {B64(client.KeyPem)}
            contexts:
            - name: {contextName}
              context:
                cluster: {contextName}
                user: {user}
            current-context: {contextName}

            """;
    }
}
