using System.Text.Json;
using Tollgate.Shared.Admission;
using Tollgate.Shared.Admission.Review;
using Tollgate.Shared.Tests.Support;

namespace Tollgate.Shared.Tests.Admission;

/// <summary>
/// Reads the Widgets of a request the way the product's handlers read their kinds (<see cref="AdmissionObjectReader"/>
/// on the raw object), refusing with a 400 what cannot be read.
/// </summary>
internal static class WidgetRequest
{
    public static WidgetChange Read(AdmissionRequest request, string webhookName)
    {
        var expected = Widget.Resource;
        if (request.Kind is { } kind && (kind.Group != expected.Group || kind.Version != expected.Version || kind.Kind != expected.Kind))
        {
            return Refused($"webhook {webhookName} handles {expected.Kind} {expected.ApiVersion}, not {kind}");
        }

        try
        {
            return request.Operation switch
            {
                AdmissionOperations.Create => new WidgetChange(null, Read(request.Object, "object"), null),
                AdmissionOperations.Update => new WidgetChange(Read(request.OldObject, "oldObject"), Read(request.Object, "object"), null),
                AdmissionOperations.Delete => new WidgetChange(Read(request.OldObject, "oldObject"), null, null),
                _ => Refused($"webhook {webhookName} does not handle operation \"{request.Operation}\""),
            };
        }
        catch (UnreadableWidgetException e)
        {
            return Refused(e.Message);
        }
    }

    private static WidgetChange Refused(string reason) => new(null, null, ValidationResult.Fail(reason, 400));

    private static Widget Read(JsonElement? element, string field)
    {
        if (element is not { ValueKind: JsonValueKind.Object } value)
        {
            throw new UnreadableWidgetException($"request.{field} is missing");
        }

        try
        {
            return AdmissionObjectReader.Read(value, TestJsonContext.Default.Widget);
        }
        catch (JsonException e)
        {
            throw new UnreadableWidgetException($"request.{field} is not a valid {nameof(Widget)}: {e.Message}", e);
        }
    }
}
