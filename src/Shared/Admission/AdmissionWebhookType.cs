namespace Tollgate.Shared.Admission;

public enum AdmissionWebhookType
{
    /// <summary>Allows or denies; registered in a ValidatingWebhookConfiguration.</summary>
    Validating,

    /// <summary>May also change the object; registered in a MutatingWebhookConfiguration.</summary>
    Mutating,
}
