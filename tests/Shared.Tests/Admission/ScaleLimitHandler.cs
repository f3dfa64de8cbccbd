using Tollgate.Shared.Admission;
using Tollgate.Shared.Admission.Review;

namespace Tollgate.Shared.Tests.Admission;

/// <summary>An untyped handler for the scale subresource: reads spec.replicas from the raw autoscaling/v1 Scale.</summary>
public sealed class ScaleLimitHandler : IAdmissionHandler
{
    public const int MaxReplicas = 10;

    public Task<ValidationResult> ValidateAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        var replicas = request.Object?.GetProperty("spec").GetProperty("replicas").GetInt32() ?? 0;
        return Task.FromResult(request.SubResource == "scale" && replicas > MaxReplicas
            ? ValidationResult.Fail($"at most {MaxReplicas} replicas", 422)
            : ValidationResult.Success());
    }
}
