namespace Tollgate.Shared.Tests.Crds.Kinds;

public sealed class NumericEnumSpec
{
    public Shade Shade { get; set; }
}
