namespace Tollgate.Shared.Tests.Crds.Kinds;

public sealed class RecursiveSpec
{
    public RecursiveSpec? Next { get; set; }
}
