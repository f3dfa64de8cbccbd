using Tollgate.Shared.Admission.Review;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Shared.Admission;

/// <summary>Defaults shared by every webhook: the path follows the name, and there are no side effects.</summary>
public abstract class AdmissionWebhook : IAdmissionWebhook
{
    public abstract string Name { get; }

    public virtual string Path => $"/validate/{Name}";

    public abstract IReadOnlyList<V1RuleWithOperations> Rules { get; }

    public virtual string SideEffects => "None";

    public abstract Task<AdmissionResponse> ReviewAsync(AdmissionRequest request, CancellationToken cancellationToken);
}
