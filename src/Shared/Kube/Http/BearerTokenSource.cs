namespace Tollgate.Shared.Kube.Http;

/// <summary>A static token, or a token file re-read once a minute so rotated service-account tokens are picked up.</summary>
internal sealed class BearerTokenSource(string? token, string? tokenFile, TimeProvider time)
{
    private static readonly TimeSpan RereadInterval = TimeSpan.FromMinutes(1);
    private readonly Lock gate = new();
    private string? cached = token;
    private DateTimeOffset readAt = DateTimeOffset.MinValue;

    public string? Current()
    {
        if (tokenFile is null)
        {
            return cached;
        }

        lock (gate)
        {
            var now = time.GetUtcNow();
            if (cached is null || now - readAt >= RereadInterval)
            {
                cached = File.ReadAllText(tokenFile).Trim();
                readAt = now;
            }

            return cached;
        }
    }
}
