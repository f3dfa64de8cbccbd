namespace Tollgate.Shared.Tests.Crds.Kinds;

/// <summary>An enum without a string converter: it goes over the wire as a number.</summary>
public enum Shade
{
    Light,
    Dark,
}
