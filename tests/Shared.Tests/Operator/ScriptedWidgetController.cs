using Tollgate.Shared.Operator.Controllers;
using Tollgate.Shared.Tests.Support;

namespace Tollgate.Shared.Tests.Operator;

/// <summary>A controller that does what the test's <see cref="WidgetScript"/> says and records it.</summary>
public sealed class ScriptedWidgetController(WidgetScript script) : IEntityController<Widget>
{
    public Task<ReconciliationResult<Widget>> ReconcileAsync(Widget entity, CancellationToken cancellationToken) =>
        script.RunReconcileAsync(entity, cancellationToken);

    public Task<ReconciliationResult<Widget>> DeletedAsync(Widget entity, CancellationToken cancellationToken) =>
        script.RunDeleted(entity);
}
