namespace Tollgate.Shared.Operator.Entities;

/// <summary>
/// Names the API place of a custom kind for CRD generation (KubeOps names). The runtime never reads it: it reaches a
/// kind through the kind's static <see cref="Tollgate.Shared.Kube.IKubernetesResource{TSelf}.Resource"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class KubernetesEntityAttribute : Attribute
{
    public string Group { get; init; } = "";

    public string ApiVersion { get; init; } = "v1";

    public string Kind { get; init; } = "";

    /// <summary>The plural resource name; empty means the lower-cased kind plus "s".</summary>
    public string PluralName { get; init; } = "";
}
