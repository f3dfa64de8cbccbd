using System.Text.Json;

namespace Tollgate.Shared.Entities.Rollouts.Validation;

/// <summary>spec.workloadRef as Argo's ObjectRef reads it: apiVersion, kind, name and scaleDown (absent fields are empty).</summary>
public sealed record WorkloadReference(string ApiVersion, string Kind, string Name, string ScaleDown)
{
    public const string Never = "never";
    public const string OnSuccess = "onsuccess";
    public const string Progressively = "progressively";

    /// <summary>The reference written in <paramref name="element"/>; null when workloadRef is absent or not an object.</summary>
    public static WorkloadReference? Parse(JsonElement? element)
    {
        if (element is not { ValueKind: JsonValueKind.Object } value)
        {
            return null;
        }

        return new WorkloadReference(Text(value, "apiVersion"), Text(value, "kind"), Text(value, "name"), Text(value, "scaleDown"));

        static string Text(JsonElement value, string name) =>
            value.TryGetProperty(name, out var field) && field.ValueKind == JsonValueKind.String ? field.GetString()! : "";
    }

    public bool IsDeployment => ApiVersion == "apps/v1" && Kind == "Deployment";
}
