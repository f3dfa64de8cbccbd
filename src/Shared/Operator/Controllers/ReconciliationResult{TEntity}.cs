using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Shared.Operator.Controllers;

/// <summary>
/// The outcome of a reconcile or finalize (KubeOps shape). A success forgets the object's backoff; a failure retries it
/// with backoff. Either way <see cref="RequeueAfter"/>, when set, schedules the next run at that delay instead.
/// </summary>
public sealed record ReconciliationResult<TEntity>
    where TEntity : IKubernetesObject<V1ObjectMeta>
{
    private ReconciliationResult(TEntity entity, bool isSuccess, string? errorMessage, Exception? error, TimeSpan? requeueAfter)
    {
        Entity = entity;
        IsSuccess = isSuccess;
        ErrorMessage = errorMessage;
        Error = error;
        RequeueAfter = requeueAfter;
    }

    public TEntity Entity { get; }

    public bool IsSuccess { get; }

    public bool IsFailure => !IsSuccess;

    public string? ErrorMessage { get; }

    public Exception? Error { get; }

    public TimeSpan? RequeueAfter { get; init; }

    public static ReconciliationResult<TEntity> Success(TEntity entity, TimeSpan? requeueAfter = null) =>
        new(entity, true, null, null, requeueAfter);

    public static ReconciliationResult<TEntity> Failure(TEntity entity, string message, Exception? error = null, TimeSpan? requeueAfter = null) =>
        new(entity, false, message, error, requeueAfter);
}
