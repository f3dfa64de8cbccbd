using Tollgate.Shared.Admission.Review;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Shared.Admission;

/// <summary>Serves an <see cref="IAdmissionHandler"/> under a name and rules given at registration.</summary>
internal sealed class HandlerWebhook(string name, IReadOnlyList<V1RuleWithOperations> rules, IAdmissionHandler handler) : GenericValidationWebhook
{
    public override string Name => name;

    public override IReadOnlyList<V1RuleWithOperations> Rules => rules;

    public override Task<ValidationResult> ValidateAsync(AdmissionRequest request, CancellationToken cancellationToken) =>
        handler.ValidateAsync(request, cancellationToken);
}
