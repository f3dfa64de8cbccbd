using System.Net;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Shared.Kube;

/// <summary>An API call that failed, carrying the server's Status so callers can tell NotFound, Conflict and Invalid apart.</summary>
public sealed class KubernetesException : Exception
{
    public KubernetesException()
    {
    }

    public KubernetesException(string message)
        : base(message)
    {
    }

    public KubernetesException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public KubernetesException(HttpStatusCode statusCode, V1Status? status, string fallbackMessage)
        : base(status?.Message is { Length: > 0 } m ? m : fallbackMessage)
    {
        StatusCode = statusCode;
        Status = status;
    }

    public HttpStatusCode StatusCode { get; }

    public V1Status? Status { get; }

    public string? Reason => Status?.Reason;

    public bool IsNotFound => StatusCode == HttpStatusCode.NotFound;

    /// <summary>409 for a stale resourceVersion or failed precondition (not AlreadyExists).</summary>
    public bool IsConflict => StatusCode == HttpStatusCode.Conflict && Reason != "AlreadyExists";

    public bool IsAlreadyExists => StatusCode == HttpStatusCode.Conflict && Reason == "AlreadyExists";

    /// <summary>422: the object failed validation (or an admission webhook's 422).</summary>
    public bool IsInvalid => StatusCode == HttpStatusCode.UnprocessableEntity;

    /// <summary>410: the requested resourceVersion is too old; re-list.</summary>
    public bool IsGone => StatusCode == HttpStatusCode.Gone || Reason is "Expired" or "Gone";

    public bool IsForbidden => StatusCode == HttpStatusCode.Forbidden;

    public bool IsUnauthorized => StatusCode == HttpStatusCode.Unauthorized;
}
