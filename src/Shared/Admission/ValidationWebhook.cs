using System.Text.Json;
using Tollgate.Shared.Admission.Review;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Kube.Serialization;

namespace Tollgate.Shared.Admission;

/// <summary>
/// A validating webhook for one kind. Override the operations to check, sync or async; the async ones win when both
/// are overridden. Objects are deserialized with the <see cref="System.Text.Json.Serialization.Metadata.JsonTypeInfo"/>
/// of <typeparamref name="T"/> from the configured resolvers.
/// </summary>
public abstract class ValidationWebhook<T> : AdmissionWebhook
    where T : class, IKubernetesResource<T>
{
    public override AdmissionWebhookType Type => AdmissionWebhookType.Validating;

    /// <summary>The operations registered; DELETE is opt-in because it costs a call on every delete.</summary>
    public virtual IReadOnlyList<string> Operations => [AdmissionOperations.Create, AdmissionOperations.Update];

    public override IReadOnlyList<V1RuleWithOperations> Rules => [AdmissionRules.For(T.Resource, Operations)];

    public virtual ValidationResult Create(T entity, bool dryRun) => Success();

    public virtual Task<ValidationResult> CreateAsync(T entity, bool dryRun, CancellationToken cancellationToken) =>
        Task.FromResult(Create(entity, dryRun));

    public virtual ValidationResult Update(T oldEntity, T newEntity, bool dryRun) => Success();

    public virtual Task<ValidationResult> UpdateAsync(T oldEntity, T newEntity, bool dryRun, CancellationToken cancellationToken) =>
        Task.FromResult(Update(oldEntity, newEntity, dryRun));

    /// <param name="entity">The object as stored before the delete.</param>
    public virtual ValidationResult Delete(T entity, bool dryRun) => Success();

    public virtual Task<ValidationResult> DeleteAsync(T entity, bool dryRun, CancellationToken cancellationToken) =>
        Task.FromResult(Delete(entity, dryRun));

    public sealed override async Task<AdmissionResponse> ReviewAsync(
        AdmissionRequest request, JsonSerializerOptions entityOptions, CancellationToken cancellationToken)
    {
        var result = await ValidateAsync(request, entityOptions, cancellationToken);
        return result.ToResponse(request.Uid);
    }

    protected static ValidationResult Success(params string[] warnings) => ValidationResult.Success(warnings);

    /// <inheritdoc cref="ValidationResult.Fail"/>
    protected static ValidationResult Fail(string reason, int statusCode = 403) => ValidationResult.Fail(reason, statusCode);

    private async Task<ValidationResult> ValidateAsync(AdmissionRequest request, JsonSerializerOptions entityOptions, CancellationToken cancellationToken)
    {
        if (AdmissionEntities.KindMismatch<T>(request, Name) is { } mismatch)
        {
            return Fail(mismatch, 400);
        }

        var type = entityOptions.TypeInfo<T>();
        var dryRun = request.DryRun == true;
        try
        {
            return request.Operation switch
            {
                AdmissionOperations.Create => await CreateAsync(AdmissionEntities.Read(request.Object, "object", type), dryRun, cancellationToken),
                AdmissionOperations.Update => await UpdateAsync(
                    AdmissionEntities.Read(request.OldObject, "oldObject", type),
                    AdmissionEntities.Read(request.Object, "object", type),
                    dryRun,
                    cancellationToken),
                AdmissionOperations.Delete => await DeleteAsync(AdmissionEntities.Read(request.OldObject, "oldObject", type), dryRun, cancellationToken),
                _ => Fail($"webhook {Name} does not handle operation \"{request.Operation}\"", 400),
            };
        }
        catch (UnreadableObjectException e)
        {
            return Fail(e.Message, 400);
        }
    }
}
