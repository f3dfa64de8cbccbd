using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Tollgate.Shared.Admission.Review;
using Tollgate.Shared.Kube;

namespace Tollgate.Shared.Admission;

/// <summary>Reads the typed objects of a request for <see cref="ValidationWebhook{T}"/> and <see cref="MutationWebhook{T}"/>.</summary>
internal static class AdmissionEntities
{
    /// <summary>Why a request about some other kind cannot be read as <typeparamref name="T"/>, or null when it can.</summary>
    public static string? KindMismatch<T>(AdmissionRequest request, string webhookName)
        where T : class, IKubernetesResource<T>
    {
        var expected = T.Resource;
        var actual = request.Kind;
        return actual is null || (actual.Group == expected.Group && actual.Version == expected.Version && actual.Kind == expected.Kind)
            ? null
            : $"webhook {webhookName} handles {expected.Kind} {expected.ApiVersion}, not {actual}";
    }

    public static T Read<T>(JsonElement? element, string field, JsonTypeInfo<T> type)
        where T : class
    {
        if (element is not { ValueKind: JsonValueKind.Object } value)
        {
            throw new UnreadableObjectException($"request.{field} is missing");
        }

        try
        {
            return AdmissionObjectReader.Read(value, type);
        }
        catch (JsonException e)
        {
            throw new UnreadableObjectException($"request.{field} is not a valid {typeof(T).Name}: {e.Message}", e);
        }
    }
}
