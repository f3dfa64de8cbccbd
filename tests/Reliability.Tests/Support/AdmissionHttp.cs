using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tollgate.Reliability.Tests.Hostile;

namespace Tollgate.Reliability.Tests.Support;

/// <summary>An HTTPS client for the admission endpoints that sends exactly the bytes and headers it is given.</summary>
public sealed class AdmissionHttp : IDisposable
{
    private readonly HttpClient client;

    public AdmissionHttp(Uri baseAddress, int connections)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
        };
        client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task<(int Status, byte[] Body)> SendAsync(HostileRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var content = new ByteArrayContent(request.Body);
        content.Headers.ContentType = null;
        if (request.ContentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
        }

        if (request.ContentEncoding is not null)
        {
            content.Headers.ContentEncoding.Add(request.ContentEncoding);
        }

        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(request.Path, UriKind.Relative)) { Content = content };
        using var response = await client.SendAsync(message, cancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsByteArrayAsync(cancellationToken));
    }

    /// <summary>Posts a valid review and returns its <c>response</c>, failing on anything but a 200 review.</summary>
    public async Task<JsonElement> ReviewAsync(string path, JsonObject review, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(review);
        using var content = new StringContent(review.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"HTTP {(int)response.StatusCode}: {body}");
        }

        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("response").Clone();
    }

    public Task<string> GetStringAsync(string path, CancellationToken cancellationToken) =>
        client.GetStringAsync(new Uri(path, UriKind.Relative), cancellationToken);

    public void Dispose() => client.Dispose();
}
