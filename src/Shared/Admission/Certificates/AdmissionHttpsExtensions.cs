using System.Security.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace Tollgate.Shared.Admission.Certificates;

public static class AdmissionHttpsExtensions
{
    /// <summary>
    /// HTTPS with TLS 1.2 or 1.3 only, presenting whatever <paramref name="certificate"/> holds at each handshake.
    /// </summary>
    public static ListenOptions UseAdmissionHttps(this ListenOptions listenOptions, ReloadingCertificate certificate) =>
        listenOptions.UseHttps(new HttpsConnectionAdapterOptions
        {
            SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            ServerCertificateSelector = (_, _) => certificate.Current,
        });
}
