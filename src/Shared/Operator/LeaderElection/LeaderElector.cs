using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Shared.Operator.LeaderElection;

/// <summary>
/// Leader election on a coordination.k8s.io/v1 Lease, as client-go does it: candidates poll every retry period and take
/// the Lease once it is free or has not changed for a lease duration; writes are guarded by resourceVersion, so of two
/// racing candidates one gets 409 and keeps waiting. The leader renews every retry period and stops leading at once
/// when it has not renewed within the renew deadline; it then stands by again. On cancellation it releases the Lease
/// so the next candidate takes over without waiting for expiry.
/// </summary>
public sealed class LeaderElector
{
    private readonly IKubernetesClient client;
    private readonly LeaderElectionOptions options;
    private readonly ILogger logger;
    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private TaskCompletionSource<CancellationToken> leadership = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? leading;
    private LeaderElectionRecord? observedRecord;
    private DateTimeOffset observedAt;
    private long term;
    private long renewedAt;
    private int running;

    public LeaderElector(IKubernetesClient client, LeaderElectionOptions options, ILogger<LeaderElector>? logger = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.client = client;
        this.options = options;
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
        this.time = time ?? TimeProvider.System;
    }

    /// <summary>Raised when this candidate becomes leader, with a token that is cancelled when it stops leading.</summary>
    public event Action<CancellationToken>? StartedLeading;

    /// <summary>Raised when this candidate stops leading (renewal failed, or it was stopped).</summary>
    public event Action? StoppedLeading;

    public string Identity => options.Identity;

    public LeaderElectionOptions Options => options;

    public bool IsLeader
    {
        get
        {
            lock (gate)
            {
                return leading is not null;
            }
        }
    }

    /// <summary>
    /// For the write fence: whether this candidate leads, the monotonic time since the start of its last successful
    /// acquire or renew, and the leadership term (how many times it acquired the Lease in this process).
    /// </summary>
    public (LeaseFenceState State, long Term) FenceState()
    {
        lock (gate)
        {
            return (new LeaseFenceState(leading is not null, time.GetElapsedTime(renewedAt)), term);
        }
    }

    /// <summary>True while <see cref="RunAsync"/> runs, leading or standing by.</summary>
    public bool IsRunning => Volatile.Read(ref running) == 1;

    /// <summary>Waits until this candidate leads; returns a token that is cancelled when it stops leading.</summary>
    public async Task<CancellationToken> WaitForLeadershipAsync(CancellationToken cancellationToken)
    {
        Task<CancellationToken> next;
        lock (gate)
        {
            next = leadership.Task;
        }

        return await next.WaitAsync(cancellationToken);
    }

    /// <summary>Contends, leads and stands by again until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref running, 1) == 1)
        {
            throw new InvalidOperationException($"leader elector {Identity} is already running");
        }

        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                BecomeLeader(await AcquireAsync(cancellationToken));
                await RenewWhileLeadingAsync(cancellationToken);
                StopLeading();
                if (cancellationToken.IsCancellationRequested && options.ReleaseOnCancel)
                {
                    await ReleaseAsync();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            StopLeading();
            Volatile.Write(ref running, 0);
        }
    }

    /// <returns>The monotonic timestamp taken before the successful attempt.</returns>
    private async Task<long> AcquireAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                var attemptStart = time.GetTimestamp();
                if (await TryAcquireOrRenewAsync(cancellationToken))
                {
                    return attemptStart;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.AttemptFailed(Identity, options.LeaseNamespace, options.LeaseName, e);
            }

            // Jitter spreads candidates that started together.
            var jitter = TimeSpan.FromTicks((long)(options.RetryPeriod.Ticks * 0.2 * Random.Shared.NextDouble()));
            await Task.Delay(options.RetryPeriod + jitter, time, cancellationToken);
        }
    }

    private async Task RenewWhileLeadingAsync(CancellationToken cancellationToken)
    {
        // Monotonic, and taken before each attempt: the API server records the renewal later than that, so neither this
        // loop nor the write fence can believe in a lease the standby already counts as expired.
        long lastRenewal;
        lock (gate)
        {
            lastRenewal = renewedAt;
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.RetryPeriod, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var attemptStart = time.GetTimestamp();
            var remaining = options.RenewDeadline - time.GetElapsedTime(lastRenewal, attemptStart);
            if (remaining <= TimeSpan.Zero)
            {
                return;
            }

            // A hung request must not keep us leading past the deadline.
            using var deadline = new CancellationTokenSource(remaining, time);
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            try
            {
                if (await TryAcquireOrRenewAsync(attempt.Token))
                {
                    lastRenewal = attemptStart;
                    lock (gate)
                    {
                        renewedAt = attemptStart;
                    }

                    continue;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.AttemptFailed(Identity, options.LeaseNamespace, options.LeaseName, e);
            }

            if (time.GetElapsedTime(lastRenewal) >= options.RenewDeadline)
            {
                return;
            }
        }
    }

    private async Task<bool> TryAcquireOrRenewAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var lease = await client.GetAsync<V1Lease>(options.LeaseName, options.LeaseNamespace, cancellationToken);
        if (lease is null)
        {
            var create = LeaseDecision.Decide(null, Identity, now, now, options.LeaseDuration);
            try
            {
                var created = await client.CreateAsync(
                    new V1Lease
                    {
                        Metadata = new V1ObjectMeta { Name = options.LeaseName, Namespace = options.LeaseNamespace },
                        Spec = create.Desired!.ApplyTo(null),
                    },
                    cancellationToken: cancellationToken);
                Observe(created, now);
                return true;
            }
            catch (KubernetesException e) when (e.IsAlreadyExists || e.IsConflict)
            {
                return false;
            }
        }

        var existing = LeaderElectionRecord.From(lease.Spec);
        lock (gate)
        {
            if (existing != observedRecord)
            {
                observedRecord = existing;
                observedAt = now;
            }
        }

        var decision = LeaseDecision.Decide(existing, Identity, now, observedAt, options.LeaseDuration);
        if (!decision.CanWrite)
        {
            logger.HeldByOther(options.LeaseNamespace, options.LeaseName, existing.HolderIdentity);
            return false;
        }

        lease.Spec = decision.Desired!.ApplyTo(lease.Spec);
        try
        {
            Observe(await client.UpdateAsync(lease, cancellationToken: cancellationToken), now);
            return true;
        }
        catch (KubernetesException e) when (e.IsConflict)
        {
            return false;
        }
    }

    private async Task ReleaseAsync()
    {
        // The run's token is already cancelled when we release, so the release gets its own deadline.
        using var deadline = new CancellationTokenSource(options.RenewDeadline, time);
        try
        {
            var lease = await client.GetAsync<V1Lease>(options.LeaseName, options.LeaseNamespace, deadline.Token);
            if (lease is null || lease.Spec?.HolderIdentity != Identity)
            {
                return;
            }

            var now = time.GetUtcNow();
            var released = LeaderElectionRecord.From(lease.Spec) with { HolderIdentity = null, LeaseDurationSeconds = 1, AcquireTime = now, RenewTime = now };
            lease.Spec = released.ApplyTo(lease.Spec);
            await client.UpdateAsync(lease, cancellationToken: deadline.Token);
            logger.Released(Identity, options.LeaseNamespace, options.LeaseName);
        }
        catch (Exception e)
        {
            logger.ReleaseFailed(Identity, options.LeaseNamespace, options.LeaseName, e);
        }
    }

    private void Observe(V1Lease written, DateTimeOffset now)
    {
        lock (gate)
        {
            observedRecord = LeaderElectionRecord.From(written.Spec);
            observedAt = now;
        }
    }

    private void BecomeLeader(long acquiredAt)
    {
        CancellationToken token;
        lock (gate)
        {
            term++;
            renewedAt = acquiredAt;
            leading = new CancellationTokenSource();
            token = leading.Token;
            leadership.TrySetResult(token);
        }

        logger.StartedLeading(Identity, options.LeaseNamespace, options.LeaseName);
        Raise(() => StartedLeading?.Invoke(token));
    }

    private void StopLeading()
    {
        CancellationTokenSource? stopped;
        lock (gate)
        {
            stopped = leading;
            if (stopped is null)
            {
                return;
            }

            leading = null;
            leadership = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        // Cancel first: workers must stop before anyone hears we stopped. The source is not disposed because
        // consumers may still link to its token.
        stopped.Cancel();
        logger.StoppedLeading(Identity, options.LeaseNamespace, options.LeaseName);
        Raise(() => StoppedLeading?.Invoke());
    }

    private void Raise(Action callback)
    {
        try
        {
            callback();
        }
        catch (Exception e)
        {
            logger.CallbackFailed(Identity, options.LeaseNamespace, options.LeaseName, e);
        }
    }
}
