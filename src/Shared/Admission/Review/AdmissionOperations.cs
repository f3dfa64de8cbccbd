namespace Tollgate.Shared.Admission.Review;

/// <summary>The values of <see cref="AdmissionRequest.Operation"/> and of a rule's operations.</summary>
public static class AdmissionOperations
{
    public const string Create = "CREATE";
    public const string Update = "UPDATE";
    public const string Delete = "DELETE";
    public const string Connect = "CONNECT";

    /// <summary>Every operation, for rules only.</summary>
    public const string All = "*";
}
