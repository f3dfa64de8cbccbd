using System.Collections.Concurrent;
using Tollgate.Shared.Admission;
using Tollgate.Shared.Admission.Review;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Tests.Support;

namespace Tollgate.Shared.Tests.Admission;

/// <summary>Allows everything and remembers what it was asked, through the async overload.</summary>
public sealed class RecordingWidgetWebhook : GenericValidationWebhook
{
    public ConcurrentQueue<RecordedCall> Calls { get; } = new();

    public override string Name => "recorder";

    public override IReadOnlyList<V1RuleWithOperations> Rules =>
        [AdmissionRules.For(Widget.Resource, [AdmissionOperations.Create, AdmissionOperations.Update, AdmissionOperations.Delete])];

    public override Task<ValidationResult> ValidateAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        var change = WidgetRequest.Read(request, Name);
        if (change.Refusal is { } refusal)
        {
            return Task.FromResult(refusal);
        }

        // The object a DELETE is about is the stored one; CREATE and UPDATE are about the incoming one.
        var widget = (change.New ?? change.Old)!;
        Calls.Enqueue(new RecordedCall(request.Operation!, widget.Metadata.Name, widget.Spec.Color, request.DryRun == true));
        return Task.FromResult(Success());
    }
}
