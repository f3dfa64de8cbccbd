using Tollgate.Shared.Operator.Controllers;

namespace Tollgate.Shared.Tests.Operator;

public sealed class NoopSprocketController : IEntityController<Sprocket>
{
    public Task<ReconciliationResult<Sprocket>> ReconcileAsync(Sprocket entity, CancellationToken cancellationToken) =>
        Task.FromResult(ReconciliationResult<Sprocket>.Success(entity));

    public Task<ReconciliationResult<Sprocket>> DeletedAsync(Sprocket entity, CancellationToken cancellationToken) =>
        Task.FromResult(ReconciliationResult<Sprocket>.Success(entity));
}
