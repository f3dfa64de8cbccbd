using System.Collections.Concurrent;
using Tollgate.Shared.Admission;
using Tollgate.Shared.Tests.Support;

namespace Tollgate.Shared.Tests.Admission;

/// <summary>Allows everything and remembers what it was asked, through the async overloads.</summary>
public sealed class RecordingWidgetWebhook : ValidationWebhook<Widget>
{
    public ConcurrentQueue<RecordedCall> Calls { get; } = new();

    public override string Name => "recorder";

    public override IReadOnlyList<string> Operations => ["CREATE", "UPDATE", "DELETE"];

    public override Task<ValidationResult> CreateAsync(Widget entity, bool dryRun, CancellationToken cancellationToken) =>
        Record("CREATE", entity, dryRun);

    public override Task<ValidationResult> UpdateAsync(Widget oldEntity, Widget newEntity, bool dryRun, CancellationToken cancellationToken) =>
        Record("UPDATE", newEntity, dryRun);

    public override Task<ValidationResult> DeleteAsync(Widget entity, bool dryRun, CancellationToken cancellationToken) =>
        Record("DELETE", entity, dryRun);

    private Task<ValidationResult> Record(string operation, Widget widget, bool dryRun)
    {
        Calls.Enqueue(new RecordedCall(operation, widget.Metadata.Name, widget.Spec.Color, dryRun));
        return Task.FromResult(Success());
    }
}
