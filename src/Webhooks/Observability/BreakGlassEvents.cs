using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tollgate.Shared.Operator.Events;

namespace Tollgate.Webhooks.Observability;

/// <summary>
/// Records break-glass Events in the background: writing an Event is an API call, and the admission answer must not
/// wait for it. Bounded; when full the oldest pending Event is dropped (the log and the metric still have it).
/// </summary>
public sealed class BreakGlassEvents(IEventRecorder recorder, ILogger<BreakGlassEvents> logger) : BackgroundService
{
    public const string Reason = "BreakGlass";

    private readonly Channel<BreakGlassEvent> pending = Channel.CreateBounded<BreakGlassEvent>(
        new BoundedChannelOptions(1024) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public void Enqueue(BreakGlassEvent breakGlass) => pending.Writer.TryWrite(breakGlass);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var breakGlass in pending.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await recorder.RecordAsync(breakGlass.Target, EventType.Warning, Reason, breakGlass.Message, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.EventFailed(e, breakGlass.Target.Kind, breakGlass.Target.Metadata.Namespace, breakGlass.Target.Metadata.Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
