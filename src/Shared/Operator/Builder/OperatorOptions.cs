using System.Text.Json.Serialization.Metadata;
using Tollgate.Shared.Kube.Config;

namespace Tollgate.Shared.Operator.Builder;

/// <summary>How an operator runs; set in <c>AddKubernetesOperator(options => ...)</c>.</summary>
public sealed class OperatorOptions
{
    private readonly List<IJsonTypeInfoResolver> jsonResolvers = [];
    private readonly Dictionary<Type, int> workersByKind = [];

    /// <summary>Names the operator in Events (source.component), the default Lease name and logs.</summary>
    public string Name { get; set; } = "operator";

    /// <summary>
    /// Where the API server is, for the client the operator builds itself; null means KUBECONFIG (or ~/.kube/config),
    /// then the in-cluster service account. Ignored when an IKubernetesClient is already registered.
    /// </summary>
    public KubernetesClientConfiguration? ClientConfiguration { get; set; }

    /// <summary>Watch one namespace only; null watches all (cluster-scoped kinds are always watched cluster-wide).</summary>
    public string? Namespace { get; set; }

    /// <summary>Workers per controller. One object is never reconciled by two at once, whatever the count.</summary>
    public int WorkerCount { get; set; } = 2;

    /// <summary>
    /// Workers of the controller of <typeparamref name="TEntity"/> (controller-runtime's MaxConcurrentReconciles);
    /// controllers without one get <see cref="WorkerCount"/>.
    /// </summary>
    public OperatorOptions SetWorkerCount<TEntity>(int workers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        workersByKind[typeof(TEntity)] = workers;
        return this;
    }

    public int WorkerCountOf(Type kind) => workersByKind.GetValueOrDefault(kind, WorkerCount);

    /// <summary>Run controllers only while holding a Lease, so several replicas can run with one active.</summary>
    public bool EnableLeaderElection { get; set; }

    /// <summary>The Lease; defaults to "{Name}-leader".</summary>
    public string? LeaseName { get; set; }

    /// <summary>The Lease's namespace; defaults to <see cref="Namespace"/>, then the client's namespace, then "default".</summary>
    public string? LeaseNamespace { get; set; }

    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan RenewDeadline { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one watch request stays open before informers resume it.</summary>
    public int WatchTimeoutSeconds { get; set; } = 300;

    /// <summary>Source-generated JSON contexts for the operator's own kinds (the built-in ones are always known).</summary>
    public IReadOnlyList<IJsonTypeInfoResolver> JsonResolvers => jsonResolvers;

    public OperatorOptions AddJsonResolver(IJsonTypeInfoResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        jsonResolvers.Add(resolver);
        return this;
    }
}
