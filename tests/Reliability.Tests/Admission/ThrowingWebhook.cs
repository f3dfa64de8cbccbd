using Tollgate.Shared.Admission;
using Tollgate.Shared.Admission.Review;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Reliability.Tests.Admission;

/// <summary>A webhook with a bug: it throws on every request, as the applications webhook did on `"spec": null`.</summary>
public sealed class ThrowingWebhook : GenericValidationWebhook
{
    public override string Name => "throwing";

    public override IReadOnlyList<V1RuleWithOperations> Rules { get; } =
        [new() { Operations = [AdmissionOperations.Create], ApiGroups = [""], ApiVersions = ["v1"], Resources = ["configmaps"] }];

    public override ValidationResult Validate(AdmissionRequest request) => throw new NullReferenceException("the handler's bug");
}
