using Tollgate.Shared.Admission.Review;

namespace Tollgate.Shared.Admission;

/// <summary>A validating webhook that reads the raw request itself; it must declare its <see cref="AdmissionWebhook.Rules"/>.</summary>
public abstract class GenericValidationWebhook : AdmissionWebhook, IAdmissionHandler
{
    public virtual ValidationResult Validate(AdmissionRequest request) => Success();

    /// <summary>Override this one when the check does I/O; by default it runs <see cref="Validate"/>.</summary>
    public virtual Task<ValidationResult> ValidateAsync(AdmissionRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(Validate(request));

    public sealed override async Task<AdmissionResponse> ReviewAsync(AdmissionRequest request, CancellationToken cancellationToken) =>
        (await ValidateAsync(request, cancellationToken)).ToResponse(request.Uid);

    protected static ValidationResult Success(params string[] warnings) => ValidationResult.Success(warnings);

    /// <inheritdoc cref="ValidationResult.Fail"/>
    protected static ValidationResult Fail(string reason, int statusCode = 403) => ValidationResult.Fail(reason, statusCode);
}
