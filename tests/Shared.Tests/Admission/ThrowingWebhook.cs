using Tollgate.Shared.Admission;
using Tollgate.Shared.Admission.Review;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Shared.Tests.Admission;

public sealed class ThrowingWebhook : GenericValidationWebhook
{
    public const string Failure = "the policy store is unreachable";

    public override string Name => "throws";

    public override IReadOnlyList<V1RuleWithOperations> Rules => [];

    public override Task<ValidationResult> ValidateAsync(AdmissionRequest request, CancellationToken cancellationToken) =>
        throw new InvalidOperationException(Failure);
}
