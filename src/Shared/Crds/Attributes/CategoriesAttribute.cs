namespace Tollgate.Shared.Crds.Attributes;

/// <summary>Categories a custom kind belongs to (<c>kubectl get all</c> lists the kinds of category "all").</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class CategoriesAttribute(params string[] categories) : Attribute
{
    public IReadOnlyList<string> Categories { get; } = categories;
}
