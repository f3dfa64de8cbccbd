using Tollgate.Shared.Admission;
using Tollgate.Shared.Tests.Support;

namespace Tollgate.Shared.Tests.Admission;

/// <summary>Denies red widgets; warns about blue ones and records the color in the audit log.</summary>
public sealed class DenyRedWidgetWebhook : ValidationWebhook<Widget>
{
    public const string Denial = "red widgets are not allowed";

    public override string Name => "deny-red";

    public override ValidationResult Create(Widget entity, bool dryRun) => Check(entity);

    public override ValidationResult Update(Widget oldEntity, Widget newEntity, bool dryRun) => Check(newEntity);

    private static ValidationResult Check(Widget widget) => widget.Spec.Color switch
    {
        "red" => Fail(Denial),
        "blue" => Success($"widget {widget.Metadata.Name} is blue").WithAuditAnnotation("color", "blue"),
        _ => Success(),
    };
}
