namespace Tollgate.Shared.Tests.Support;

public sealed class WidgetStatus
{
    public int? ObservedSize { get; set; }

    public int? Replicas { get; set; }
}
