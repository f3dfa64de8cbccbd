namespace Tollgate.Webhooks.Observability;

/// <summary>What makes two denials "the same" for the log: who asked for what on which object, and why it was refused.</summary>
public readonly record struct DenialKey(
    string Webhook, string? User, string? Operation, string? Resource, string? SubResource, string? Namespace, string? Name, string Reason);
