using Tollgate.Shared.Admission.Review;

namespace Tollgate.Shared.Admission;

/// <summary>
/// A mutating webhook's verdict. When <see cref="ModifiedObject"/> is set the server answers with a JSON patch from
/// the object as received to this one.
/// </summary>
public sealed record MutationResult<T>
    where T : class
{
    public bool Allowed { get; init; } = true;

    public AdmissionStatus? Status { get; init; }

    /// <summary>The object as it should be stored; null for no changes.</summary>
    public T? ModifiedObject { get; init; }

    public IReadOnlyList<string> Warnings { get; init; } = [];

    public IReadOnlyDictionary<string, string> AuditAnnotations { get; init; } = new Dictionary<string, string>();

    public MutationResult<T> WithWarnings(params string[] warnings) => this with { Warnings = [.. Warnings, .. warnings] };

    public MutationResult<T> WithAuditAnnotation(string key, string value) =>
        this with { AuditAnnotations = new Dictionary<string, string>(AuditAnnotations) { [key] = value } };
}
