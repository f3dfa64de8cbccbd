using Tollgate.Shared.Operator.Controllers;
using Tollgate.Shared.Tests.Support;

namespace Tollgate.Shared.Tests.Operator;

public sealed class ScriptedWidgetFinalizer(WidgetScript script) : IEntityFinalizer<Widget>
{
    public const string Identifier = "test.tollgate.dev/cleanup";

    public Task<ReconciliationResult<Widget>> FinalizeAsync(Widget entity, CancellationToken cancellationToken) =>
        script.RunFinalizeAsync(entity, cancellationToken);
}
