namespace Tollgate.Shared.Kube.Requests;

/// <summary>Delete only if the object still has this uid and/or resourceVersion (else 409 Conflict).</summary>
public sealed record DeletePreconditions(string? Uid = null, string? ResourceVersion = null);
