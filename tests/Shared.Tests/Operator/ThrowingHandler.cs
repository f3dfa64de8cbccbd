using Tollgate.Shared.Operator.Informers;
using Tollgate.Shared.Tests.Support;

namespace Tollgate.Shared.Tests.Operator;

public sealed class ThrowingHandler : IInformerEventHandler<Widget>
{
    public void OnAdd(Widget entity) => throw new InvalidOperationException("handler bug");

    public void OnUpdate(Widget oldEntity, Widget newEntity) => throw new InvalidOperationException("handler bug");

    public void OnDelete(Widget entity) => throw new InvalidOperationException("handler bug");
}
