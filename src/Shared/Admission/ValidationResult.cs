using Tollgate.Shared.Admission.Review;

namespace Tollgate.Shared.Admission;

/// <summary>A validating webhook's verdict: allowed or not, why, and warnings shown to the caller either way.</summary>
public sealed record ValidationResult
{
    public bool Allowed { get; init; } = true;

    /// <summary>Set when denied; its message is shown to the caller.</summary>
    public AdmissionStatus? Status { get; init; }

    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Added to the audit event as "webhook-name/key".</summary>
    public IReadOnlyDictionary<string, string> AuditAnnotations { get; init; } = new Dictionary<string, string>();

    public static ValidationResult Success(params string[] warnings) => new() { Warnings = warnings };

    /// <param name="reason">Shown to the caller after "admission webhook "name" denied the request: ".</param>
    /// <param name="statusCode">
    /// The HTTP status the caller receives: 403 Forbidden for a policy denial, 400 or 422 for an unusable object.
    /// </param>
    public static ValidationResult Fail(string reason, int statusCode = 403) =>
        new() { Allowed = false, Status = AdmissionResponses.Failure(reason, statusCode) };

    public ValidationResult WithWarnings(params string[] warnings) => this with { Warnings = [.. Warnings, .. warnings] };

    public ValidationResult WithAuditAnnotation(string key, string value) =>
        this with { AuditAnnotations = new Dictionary<string, string>(AuditAnnotations) { [key] = value } };

    public AdmissionResponse ToResponse(string uid) =>
        AdmissionResponses.Build(uid, Allowed, Status, Warnings, AuditAnnotations);
}
