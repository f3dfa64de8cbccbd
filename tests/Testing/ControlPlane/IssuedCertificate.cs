namespace Tollgate.Testing.ControlPlane;

public sealed record IssuedCertificate(string CertificatePem, string KeyPem);
