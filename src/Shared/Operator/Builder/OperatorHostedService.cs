using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tollgate.Shared.Operator.Controllers;
using Tollgate.Shared.Operator.Informers;
using Tollgate.Shared.Operator.LeaderElection;

namespace Tollgate.Shared.Operator.Builder;

/// <summary>
/// Starts the informers, waits for their caches, then runs every controller's workers: always, or only while this
/// replica leads. On shutdown the workers stop first, then the Lease is released, then the informers stop.
/// </summary>
internal sealed class OperatorHostedService(
    SharedInformerFactory informers,
    IEnumerable<IRunnableController> controllers,
    OperatorOptions options,
    ILogger<OperatorHostedService> logger,
    LeaderElector? elector = null) : BackgroundService
{
    private readonly IReadOnlyList<IRunnableController> all = [.. controllers];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        informers.Start();
        try
        {
            await informers.WaitForCacheSyncAsync(stoppingToken);
            logger.CachesSynced(options.Name, informers.Informers.Count);
            if (elector is null)
            {
                await RunControllersAsync(stoppingToken);
            }
            else
            {
                await RunWhileLeadingAsync(elector, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            foreach (var controller in all)
            {
                controller.ShutDown();
            }

            await informers.StopAsync(CancellationToken.None);
        }
    }

    private async Task RunWhileLeadingAsync(LeaderElector leaderElector, CancellationToken stoppingToken)
    {
        using var stopElection = new CancellationTokenSource();
        var election = leaderElector.RunAsync(stopElection.Token);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                logger.StandingBy(options.Name, leaderElector.Identity);
                var leadership = leaderElector.WaitForLeadershipAsync(stoppingToken);
                if (await Task.WhenAny(leadership, election) == election)
                {
                    await election;
                    throw new InvalidOperationException($"leader election of {options.Name} ended on its own");
                }

                using var whileLeading = CancellationTokenSource.CreateLinkedTokenSource(await leadership, stoppingToken);
                await RunControllersAsync(whileLeading.Token);
            }
        }
        finally
        {
            // The workers have returned by now, so releasing the Lease cannot let another leader overlap with us.
            await stopElection.CancelAsync();
            await election;
        }
    }

    private async Task RunControllersAsync(CancellationToken cancellationToken)
    {
        logger.ControllersRunning(options.Name, all.Count);
        if (all.Count == 0)
        {
            // Returning at once would spin the leadership loop; idle until leadership or the host ends instead.
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
            }

            return;
        }

        await Task.WhenAll(all.Select(c => c.RunAsync(cancellationToken)));
    }
}
