using Microsoft.Extensions.Logging;

namespace Tollgate.Shared.Admission.Registration;

internal static partial class RegistrationLog
{
    [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "Applied {Kind} {Name} with {Count} webhooks")]
    public static partial void ConfigurationApplied(this ILogger logger, string kind, string name, int count);

    [LoggerMessage(EventId = 202, Level = LogLevel.Information, Message = "Deleted {Kind} {Name}")]
    public static partial void ConfigurationDeleted(this ILogger logger, string kind, string name);
}
