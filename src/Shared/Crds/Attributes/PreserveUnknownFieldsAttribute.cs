namespace Tollgate.Shared.Crds.Attributes;

/// <summary>
/// The API server keeps fields the schema does not name (<c>x-kubernetes-preserve-unknown-fields</c>), for types that
/// model only part of an object another project owns. The properties the type does name are still validated.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class PreserveUnknownFieldsAttribute : Attribute;
