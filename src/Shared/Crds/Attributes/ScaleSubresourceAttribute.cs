namespace Tollgate.Shared.Crds.Attributes;

/// <summary>The kind serves /scale (kubectl scale, HorizontalPodAutoscaler) through the given JSON paths.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ScaleSubresourceAttribute(string specReplicasPath, string statusReplicasPath) : Attribute
{
    public string SpecReplicasPath { get; } = specReplicasPath;

    public string StatusReplicasPath { get; } = statusReplicasPath;

    /// <summary>Path of the serialized label selector in status, which an HPA needs.</summary>
    public string? LabelSelectorPath { get; init; }
}
