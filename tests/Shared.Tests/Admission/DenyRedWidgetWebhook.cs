using Tollgate.Shared.Admission;
using Tollgate.Shared.Admission.Review;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Tests.Support;

namespace Tollgate.Shared.Tests.Admission;

/// <summary>Denies red widgets; warns about blue ones and records the color in the audit log.</summary>
public sealed class DenyRedWidgetWebhook : GenericValidationWebhook
{
    public const string Denial = "red widgets are not allowed";

    public override string Name => "deny-red";

    public override IReadOnlyList<V1RuleWithOperations> Rules =>
        [AdmissionRules.For(Widget.Resource, [AdmissionOperations.Create, AdmissionOperations.Update])];

    public override ValidationResult Validate(AdmissionRequest request) => WidgetRequest.Read(request, Name) switch
    {
        { Refusal: { } refusal } => refusal,
        { New: { } widget } => Check(widget),
        _ => Success(),
    };

    private static ValidationResult Check(Widget widget) => widget.Spec.Color switch
    {
        "red" => Fail(Denial),
        "blue" => Success($"widget {widget.Metadata.Name} is blue").WithAuditAnnotation("color", "blue"),
        _ => Success(),
    };
}
