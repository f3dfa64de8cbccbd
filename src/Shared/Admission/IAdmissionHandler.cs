using Tollgate.Shared.Admission.Review;

namespace Tollgate.Shared.Admission;

/// <summary>
/// An untyped validating handler that sees the whole request: any kind, subresources such as <c>scale</c>, CONNECT.
/// Register it with <see cref="AdmissionWebhookBuilder.AddHandler{THandler}"/>, or derive from
/// <see cref="GenericValidationWebhook"/>.
/// </summary>
public interface IAdmissionHandler
{
    Task<ValidationResult> ValidateAsync(AdmissionRequest request, CancellationToken cancellationToken);
}
