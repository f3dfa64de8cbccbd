namespace Tollgate.Rollouts.Analysis;

/// <summary>The value a field path names in a Rollout, or why it names none.</summary>
public sealed record FieldPathResolution
{
    private FieldPathResolution(string? value, string? error)
    {
        Value = value;
        Error = error;
    }

    public string? Value { get; }

    public string? Error { get; }

    public static FieldPathResolution Resolved(string value) => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    public static FieldPathResolution Unresolved(string error) => new(null, error ?? throw new ArgumentNullException(nameof(error)));
}
