namespace Tollgate.Webhooks.Decisions;

public static class GuardModes
{
    public static GuardMode Parse(string? label) => label?.Trim().ToLowerInvariant() switch
    {
        "enforce" => GuardMode.Enforce,
        "warn" => GuardMode.Warn,
        "audit" => GuardMode.Audit,
        _ => GuardMode.None,
    };
}
