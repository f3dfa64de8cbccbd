using Tollgate.Shared.Admission.Review;

namespace Tollgate.Shared.Admission;

/// <summary>
/// Label values of the admission metrics from request fields, each mapped onto a fixed set (anything else is
/// <see cref="Other"/>), so a request can never add a series of its own choosing.
/// </summary>
public static class AdmissionMetricLabels
{
    public const string Other = "other";

    /// <summary>CREATE, UPDATE, DELETE, CONNECT, or <see cref="Other"/>.</summary>
    public static string Operation(string? operation) => operation switch
    {
        AdmissionOperations.Create => AdmissionOperations.Create,
        AdmissionOperations.Update => AdmissionOperations.Update,
        AdmissionOperations.Delete => AdmissionOperations.Delete,
        AdmissionOperations.Connect => AdmissionOperations.Connect,
        _ => Other,
    };
}
