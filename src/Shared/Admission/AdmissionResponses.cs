using Tollgate.Shared.Admission.Review;

namespace Tollgate.Shared.Admission;

/// <summary>Builds well-formed responses; every path of the server ends here.</summary>
public static class AdmissionResponses
{
    public static AdmissionResponse Allowed(string uid, IEnumerable<string>? warnings = null) =>
        Build(uid, allowed: true, status: null, warnings, auditAnnotations: null);

    /// <summary>A denial whose message reaches the caller; <paramref name="statusCode"/> becomes the caller's HTTP status.</summary>
    public static AdmissionResponse Denied(string uid, string message, int statusCode = 403, IEnumerable<string>? warnings = null) =>
        Build(uid, allowed: false, Failure(message, statusCode), warnings, auditAnnotations: null);

    public static AdmissionStatus Failure(string message, int statusCode)
    {
        if (statusCode is < 400 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "a denial needs an HTTP error code (400-599)");
        }

        return new AdmissionStatus
        {
            Status = AdmissionStatus.Failure,
            Code = statusCode,
            Reason = StatusReasons.For(statusCode),
            Message = message,
        };
    }

    internal static AdmissionResponse Build(
        string uid,
        bool allowed,
        AdmissionStatus? status,
        IEnumerable<string>? warnings,
        IReadOnlyDictionary<string, string>? auditAnnotations)
    {
        var warningList = warnings?.ToList();
        return new AdmissionResponse
        {
            Uid = uid,
            Allowed = allowed,
            Status = status,
            Warnings = warningList is { Count: > 0 } ? warningList : null,
            AuditAnnotations = auditAnnotations is { Count: > 0 } ? new Dictionary<string, string>(auditAnnotations) : null,
        };
    }
}
