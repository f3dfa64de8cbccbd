namespace Tollgate.Shared.Crds.Attributes;

/// <summary>
/// A column of <c>kubectl get</c> for a custom kind, in declaration order. <paramref name="type"/> is an OpenAPI type
/// (integer, number, string, boolean) or "date". Declaring any column replaces the default Age column, so declare it too.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class PrinterColumnAttribute(string name, string type, string jsonPath) : Attribute
{
    public string Name { get; } = name;

    public string Type { get; } = type;

    public string JsonPath { get; } = jsonPath;

    public string? Description { get; init; }

    public string? Format { get; init; }

    /// <summary>0 shows the column always; higher priorities only with <c>-o wide</c>.</summary>
    public int Priority { get; init; }
}
