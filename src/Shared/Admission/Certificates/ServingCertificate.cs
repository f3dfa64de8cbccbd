namespace Tollgate.Shared.Admission.Certificates;

/// <summary>A PEM certificate and its PKCS#8 PEM key, as kept in a kubernetes.io/tls Secret.</summary>
public sealed record ServingCertificate(string CertificatePem, string KeyPem)
{
    public const string CertificateFileName = "tls.crt";
    public const string KeyFileName = "tls.key";

    /// <summary>
    /// Writes tls.crt and tls.key into <paramref name="directory"/>, each replaced atomically (write, then rename) so a
    /// reader never sees half a file.
    /// </summary>
    public async Task WriteAsync(string directory, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        await ReplaceAsync(Path.Combine(directory, CertificateFileName), CertificatePem, cancellationToken);
        await ReplaceAsync(Path.Combine(directory, KeyFileName), KeyPem, cancellationToken);
    }

    private static async Task ReplaceAsync(string path, string content, CancellationToken cancellationToken)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllTextAsync(temporary, content, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }
}
