namespace Tollgate.Shared.Crds.Attributes;

/// <summary>Short names of a custom kind for kubectl (<c>kubectl get ro</c>).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ShortNamesAttribute(params string[] names) : Attribute
{
    public IReadOnlyList<string> Names { get; } = names;
}
