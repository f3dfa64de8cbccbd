namespace Tollgate.Shared.Admission;

/// <summary>
/// Request-controlled strings (names, users, resources) as they go into logs, messages and in-memory keys: cut to a
/// bounded length, so one review with a 1 MB name costs a line, not a megabyte per line.
/// </summary>
public static class AdmissionLogValues
{
    /// <summary>Longer than any valid Kubernetes name (253) or label value, shorter than anything abusive.</summary>
    public const int MaxLength = 256;

    /// <summary>Room for a denial message that quotes a few fields.</summary>
    public const int MaxMessageLength = 4096;

    public static string? Bound(string? value) => Bound(value, MaxLength);

    public static string BoundMessage(string value) => Bound(value, MaxMessageLength)!;

    private static string? Bound(string? value, int maxLength) =>
        value is null || value.Length <= maxLength ? value : $"{value.AsSpan(0, maxLength)}...({value.Length - maxLength} more characters)";
}
