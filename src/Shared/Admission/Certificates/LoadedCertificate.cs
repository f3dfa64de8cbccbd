using System.Security.Cryptography.X509Certificates;

namespace Tollgate.Shared.Admission.Certificates;

/// <summary>A certificate and the hash of the file contents it came from, to tell whether the files changed.</summary>
internal sealed record LoadedCertificate(X509Certificate2 Certificate, byte[] Fingerprint);
