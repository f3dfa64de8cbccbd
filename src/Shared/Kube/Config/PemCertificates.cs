using System.Security.Cryptography.X509Certificates;

namespace Tollgate.Shared.Kube.Config;

internal static class PemCertificates
{
    public static X509Certificate2Collection LoadCollection(string pem)
    {
        var collection = new X509Certificate2Collection();
        collection.ImportFromPem(pem);
        if (collection.Count == 0)
        {
            throw new KubeConfigException("no PEM certificate found in certificate authority data");
        }

        return collection;
    }

    public static X509Certificate2 LoadClientCertificate(string certificatePem, string keyPem)
    {
        try
        {
            return X509Certificate2.CreateFromPem(certificatePem, keyPem);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            throw new KubeConfigException($"client certificate or key is not valid PEM: {e.Message}", e);
        }
    }
}
