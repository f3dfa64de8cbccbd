namespace Tollgate.Rollouts.Providers;

/// <summary>Reads a response body up to a limit, so a huge answer is an error instead of exhausted memory.</summary>
public static class BoundedContent
{
    /// <exception cref="MetricQueryException">The body is longer than <paramref name="limit"/> bytes.</exception>
    public static async Task<byte[]> ReadAsync(HttpContent content, int limit, string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Headers.ContentLength is > 0 and var declared && declared > limit)
        {
            throw TooLarge(source, limit);
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw TooLarge(source, limit);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static MetricQueryException TooLarge(string source, int limit) =>
        new($"the response of {source} is larger than {limit} bytes, the most Tollgate reads");
}
