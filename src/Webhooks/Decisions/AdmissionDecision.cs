using Tollgate.Webhooks.Policy;

namespace Tollgate.Webhooks.Decisions;

/// <summary>A webhook's verdict with everything the I/O edge needs to answer, count, log and record it.</summary>
public sealed record AdmissionDecision
{
    private static readonly IReadOnlyDictionary<string, string> NoAnnotations = new Dictionary<string, string>();

    public required bool Allowed { get; init; }

    /// <summary>One of <see cref="DecisionReasons"/>.</summary>
    public required string Reason { get; init; }

    /// <summary>Why it is denied (shown to the caller), or what a bypass or break-glass overrode.</summary>
    public string? Message { get; init; }

    public IReadOnlyList<string> Warnings { get; init; } = [];

    public IReadOnlyDictionary<string, string> AuditAnnotations { get; init; } = NoAnnotations;

    /// <summary>Set when break-glass allowed an otherwise-denied change: the reason the requester gave.</summary>
    public string? BreakGlassReason { get; init; }

    public bool AdminBypass { get; init; }

    /// <summary>Set when a sync window refused a sync: the window, for the refusal metric.</summary>
    public SyncWindowBlock? SyncWindow { get; init; }

    /// <summary>The HTTP status the caller receives when denied: 403 for policy, 400 for an invalid spec or an unreadable object (kubectl shows the message of both; for 422 it prints only "The request is invalid").</summary>
    public int StatusCode { get; init; } = 403;

    /// <summary>The metric's decision label.</summary>
    public string Label => !Allowed ? "deny" : Warnings.Count > 0 ? "warn" : "allow";

    public static AdmissionDecision Allow(string reason, IReadOnlyList<string>? warnings = null, IReadOnlyDictionary<string, string>? auditAnnotations = null) =>
        new() { Allowed = true, Reason = reason, Warnings = warnings ?? [], AuditAnnotations = auditAnnotations ?? NoAnnotations };

    public static AdmissionDecision Deny(string reason, string message, int statusCode = 403) =>
        new() { Allowed = false, Reason = reason, Message = message, StatusCode = statusCode };
}
