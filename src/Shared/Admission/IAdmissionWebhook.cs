using Tollgate.Shared.Admission.Review;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Shared.Admission;

/// <summary>
/// What the server dispatches to: an endpoint path, the rules to register it for, and the review itself. Derive from
/// <see cref="GenericValidationWebhook"/> (or register an <see cref="IAdmissionHandler"/>) rather than implementing this
/// directly.
/// </summary>
public interface IAdmissionWebhook
{
    /// <summary>A DNS label (lowercase letters, digits, '-'), unique per server; part of the path and the registered name.</summary>
    string Name { get; }

    /// <summary>The HTTPS path the API server posts AdmissionReviews to, such as <c>/validate/deny-red</c>.</summary>
    string Path { get; }

    /// <summary>The operations and resources to register for; empty means "not registered" (served only).</summary>
    IReadOnlyList<V1RuleWithOperations> Rules { get; }

    /// <summary>"None" or "NoneOnDryRun"; the API server refuses dry-run requests to webhooks with other values.</summary>
    string SideEffects { get; }

    /// <param name="request">A request with a uid (the server has checked it).</param>
    /// <param name="cancellationToken">Cancelled when the API server gives up on the call.</param>
    Task<AdmissionResponse> ReviewAsync(AdmissionRequest request, CancellationToken cancellationToken);
}
