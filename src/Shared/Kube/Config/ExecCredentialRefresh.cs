namespace Tollgate.Shared.Kube.Config;

/// <summary>When a cached exec credential must be fetched again.</summary>
public static class ExecCredentialRefresh
{
    /// <summary>As the official client's exec provider: 30 s before expirationTimestamp, so no request carries an expired credential.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromSeconds(30);

    /// <summary>A credential without expirationTimestamp is kept until the API server refuses it.</summary>
    public static bool IsDue(DateTimeOffset? expiration, DateTimeOffset now) => expiration is { } at && now + Margin >= at;
}
