namespace Tollgate.Webhooks.Decisions;

/// <summary>A namespace's <c>tollgate.dev/guard</c> label, like Pod Security Admission's modes.</summary>
public enum GuardMode
{
    None,
    Enforce,
    Warn,
    Audit,
}
