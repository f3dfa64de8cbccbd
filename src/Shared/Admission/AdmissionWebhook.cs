using System.Text.Json;
using Tollgate.Shared.Admission.Review;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Shared.Admission;

/// <summary>Defaults shared by every webhook: the path follows the name and the type, and there are no side effects.</summary>
public abstract class AdmissionWebhook : IAdmissionWebhook
{
    public abstract string Name { get; }

    public virtual string Path => Type == AdmissionWebhookType.Mutating ? $"/mutate/{Name}" : $"/validate/{Name}";

    public abstract AdmissionWebhookType Type { get; }

    public abstract IReadOnlyList<V1RuleWithOperations> Rules { get; }

    public virtual string SideEffects => "None";

    public abstract Task<AdmissionResponse> ReviewAsync(
        AdmissionRequest request, JsonSerializerOptions entityOptions, CancellationToken cancellationToken);
}
