using System.Security.Cryptography.X509Certificates;

namespace Tollgate.Shared.Kube.Config;

/// <summary>What an exec plugin returned: a bearer token, a client certificate, or both, valid until <see cref="Expiration"/> if set.</summary>
public sealed record ExecCredential(string? Token, X509Certificate2? ClientCertificate, DateTimeOffset? Expiration);
