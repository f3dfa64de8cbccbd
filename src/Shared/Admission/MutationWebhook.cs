using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Tollgate.Shared.Admission.Patching;
using Tollgate.Shared.Admission.Review;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Kube.Serialization;

namespace Tollgate.Shared.Admission;

/// <summary>
/// A mutating webhook for one kind: change the entity you are given (or a copy) and return
/// <see cref="Modified"/>; the server answers with a JSON patch holding just those changes. Fields the model does not
/// know are left as they were.
/// </summary>
public abstract class MutationWebhook<T> : AdmissionWebhook
    where T : class, IKubernetesResource<T>
{
    public override AdmissionWebhookType Type => AdmissionWebhookType.Mutating;

    /// <summary>The operations registered; a patch answering DELETE is ignored, so DELETE can only deny.</summary>
    public virtual IReadOnlyList<string> Operations => [AdmissionOperations.Create, AdmissionOperations.Update];

    public override IReadOnlyList<V1RuleWithOperations> Rules => [AdmissionRules.For(T.Resource, Operations)];

    public virtual MutationResult<T> Create(T entity, bool dryRun) => NoChanges();

    public virtual Task<MutationResult<T>> CreateAsync(T entity, bool dryRun, CancellationToken cancellationToken) =>
        Task.FromResult(Create(entity, dryRun));

    public virtual MutationResult<T> Update(T oldEntity, T newEntity, bool dryRun) => NoChanges();

    public virtual Task<MutationResult<T>> UpdateAsync(T oldEntity, T newEntity, bool dryRun, CancellationToken cancellationToken) =>
        Task.FromResult(Update(oldEntity, newEntity, dryRun));

    public virtual MutationResult<T> Delete(T entity, bool dryRun) => NoChanges();

    public virtual Task<MutationResult<T>> DeleteAsync(T entity, bool dryRun, CancellationToken cancellationToken) =>
        Task.FromResult(Delete(entity, dryRun));

    public sealed override async Task<AdmissionResponse> ReviewAsync(
        AdmissionRequest request, JsonSerializerOptions entityOptions, CancellationToken cancellationToken)
    {
        if (AdmissionEntities.KindMismatch<T>(request, Name) is { } mismatch)
        {
            return AdmissionResponses.Denied(request.Uid, mismatch, 400);
        }

        var type = entityOptions.TypeInfo<T>();
        var dryRun = request.DryRun == true;
        try
        {
            switch (request.Operation)
            {
                case AdmissionOperations.Create:
                {
                    var entity = AdmissionEntities.Read(request.Object, "object", type);
                    var baseline = JsonSerializer.SerializeToNode(entity, type);
                    var result = await CreateAsync(entity, dryRun, cancellationToken);
                    return ToResponse(request, result, baseline, type);
                }

                case AdmissionOperations.Update:
                {
                    var oldEntity = AdmissionEntities.Read(request.OldObject, "oldObject", type);
                    var entity = AdmissionEntities.Read(request.Object, "object", type);
                    var baseline = JsonSerializer.SerializeToNode(entity, type);
                    var result = await UpdateAsync(oldEntity, entity, dryRun, cancellationToken);
                    return ToResponse(request, result, baseline, type);
                }

                case AdmissionOperations.Delete:
                {
                    var result = await DeleteAsync(AdmissionEntities.Read(request.OldObject, "oldObject", type), dryRun, cancellationToken);
                    return ToResponse(request, result with { ModifiedObject = null }, null, type);
                }

                default:
                    return AdmissionResponses.Denied(request.Uid, $"webhook {Name} does not handle operation \"{request.Operation}\"", 400);
            }
        }
        catch (UnreadableObjectException e)
        {
            return AdmissionResponses.Denied(request.Uid, e.Message, 400);
        }
    }

    protected static MutationResult<T> NoChanges(params string[] warnings) => new() { Warnings = warnings };

    /// <param name="entity">The object as it should be stored.</param>
    /// <param name="warnings">Shown to the caller.</param>
    protected static MutationResult<T> Modified(T entity, params string[] warnings) => new() { ModifiedObject = entity, Warnings = warnings };

    /// <inheritdoc cref="ValidationResult.Fail"/>
    protected static MutationResult<T> Fail(string reason, int statusCode = 403) =>
        new() { Allowed = false, Status = AdmissionResponses.Failure(reason, statusCode) };

    private static AdmissionResponse ToResponse(AdmissionRequest request, MutationResult<T> result, JsonNode? baseline, JsonTypeInfo<T> type)
    {
        JsonArray? patch = null;
        if (result is { Allowed: true, ModifiedObject: { } modified })
        {
            var original = JsonNode.Parse(request.Object!.Value.GetRawText());
            var target = MutationMerge.Apply(original, baseline, JsonSerializer.SerializeToNode(modified, type));
            patch = JsonDiff.CreatePatch(original, target);
        }

        return AdmissionResponses.Build(request.Uid, result.Allowed, result.Status, result.Warnings, result.AuditAnnotations, patch);
    }
}
