namespace Tollgate.Shared.Kube;

/// <summary>
/// Asked before every request leaves the client: a process that may no longer be entitled to write (a leader past its
/// renew deadline) refuses its own mutating requests rather than sending them.
/// </summary>
public interface IWriteFence
{
    /// <returns>Null to send the request, else why it is refused.</returns>
    string? Refusal(HttpMethod method, string pathAndQuery);
}
