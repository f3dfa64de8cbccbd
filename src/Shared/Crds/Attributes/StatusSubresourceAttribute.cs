namespace Tollgate.Shared.Crds.Attributes;

/// <summary>The kind serves /status: writes to the main resource ignore status, writes to /status ignore everything else.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class StatusSubresourceAttribute : Attribute;
