namespace Tollgate.Webhooks.Policy;

/// <summary>A policy entry that was ignored because it is malformed: where it came from, its text, and what is wrong with it.</summary>
public sealed record PolicyDiagnostic(string Origin, string Text, string Reason)
{
    public override string ToString() => $"{Origin}: '{Text}': {Reason}";
}
