namespace Tollgate.Shared.Crds.Attributes;

/// <summary>
/// The OpenAPI type of an opaque <see cref="System.Text.Json.JsonElement"/> property ("object" or "array"); without it
/// the property accepts any JSON value.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class SchemaTypeAttribute(string type) : Attribute
{
    public string Type { get; } = type;
}
