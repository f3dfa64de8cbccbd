using Microsoft.Extensions.Logging;

namespace Tollgate.Shared.Admission.Certificates;

internal static partial class CertificateLog
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Information,
        Message = "Serving certificate {Path}: subject {Subject}, serial {SerialNumber}, valid until {NotAfter:u}")]
    public static partial void CertificateLoaded(this ILogger logger, string path, string subject, string serialNumber, DateTime notAfter);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning,
        Message = "Could not reload the certificate from {CertificatePath} and {KeyPath}; still serving the previous one")]
    public static partial void CertificateReloadFailed(this ILogger logger, Exception exception, string certificatePath, string keyPath);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Watching {Directory} failed; relying on the periodic check")]
    public static partial void CertificateWatchFailed(this ILogger logger, Exception exception, string directory);
}
