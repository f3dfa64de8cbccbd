namespace Tollgate.Shared.Tests.Support;

public sealed class WidgetSpec
{
    public int Size { get; set; }

    public string? Color { get; set; }

    public int? Replicas { get; set; }
}
