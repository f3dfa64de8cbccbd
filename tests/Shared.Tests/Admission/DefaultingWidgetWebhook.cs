using Tollgate.Shared.Admission;
using Tollgate.Shared.Tests.Support;

namespace Tollgate.Shared.Tests.Admission;

/// <summary>Labels every widget and gives colorless ones the default color.</summary>
public sealed class DefaultingWidgetWebhook : MutationWebhook<Widget>
{
    public const string Label = "tollgate.dev/defaulted";
    public const string DefaultColor = "green";

    public override string Name => "defaults";

    public override MutationResult<Widget> Create(Widget entity, bool dryRun)
    {
        entity.Metadata.Labels ??= new Dictionary<string, string>();
        entity.Metadata.Labels[Label] = "true";
        entity.Spec.Color ??= DefaultColor;
        return Modified(entity, "defaults applied");
    }

    public override MutationResult<Widget> Update(Widget oldEntity, Widget newEntity, bool dryRun) =>
        newEntity.Spec.Size > 100 ? Fail("size above 100", 422) : NoChanges();
}
