using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Tollgate.Shared.Tests.Admission;

/// <param name="Certificate">What the server presented.</param>
/// <param name="Protocol">The negotiated TLS version.</param>
/// <param name="Trusted">True when it chains to the expected CA and names 127.0.0.1.</param>
internal sealed record ServedCertificate(X509Certificate2 Certificate, SslProtocols Protocol, bool Trusted);
