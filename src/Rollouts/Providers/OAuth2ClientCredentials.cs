using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Tollgate.Shared.Entities.Rollouts;

namespace Tollgate.Rollouts.Providers;

/// <summary>
/// Fetches a token with the OAuth2 client credentials grant, as golang.org/x/oauth2's clientcredentials does for Argo:
/// client authentication in a Basic header first, then once more with client_id and client_secret in the form.
/// A token is fetched for every measurement, as Argo builds a new client for each.
/// </summary>
public static class OAuth2ClientCredentials
{
    public const int MaxTokenResponseBytes = 1 << 20;

    /// <summary>The Authorization header value, such as "Bearer abc".</summary>
    /// <exception cref="MetricQueryException">The settings are incomplete or the token endpoint gave no token.</exception>
    public static async Task<string> AuthorizationAsync(HttpClient http, OAuth2Config config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(config);
        if (string.IsNullOrEmpty(config.ClientId) || string.IsNullOrEmpty(config.ClientSecret))
        {
            throw new MetricQueryException("missing mandatory parameter in metric for OAuth2 setup: authentication.oauth2 needs clientId and clientSecret with tokenUrl");
        }

        if (!Uri.TryCreate(config.TokenUrl, UriKind.Absolute, out var tokenUrl))
        {
            throw new MetricQueryException($"authentication.oauth2.tokenUrl \"{config.TokenUrl}\" is not an absolute URL");
        }

        try
        {
            return await RequestAsync(http, tokenUrl, config, credentialsInHeader: true, cancellationToken);
        }
        catch (MetricQueryException)
        {
            return await RequestAsync(http, tokenUrl, config, credentialsInHeader: false, cancellationToken);
        }
    }

    /// <summary>Reads a token endpoint's answer (JSON, or form-encoded for text/plain and form content types).</summary>
    /// <exception cref="MetricQueryException">The answer carries no access_token.</exception>
    public static string ParseAuthorization(string body, string? mediaType)
    {
        ArgumentNullException.ThrowIfNull(body);
        string? accessToken;
        string? tokenType;
        if (mediaType is "application/x-www-form-urlencoded" or "text/plain")
        {
            var form = body.Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split('=', 2))
                .GroupBy(pair => Uri.UnescapeDataString(pair[0].Replace('+', ' ')), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().Length > 1 ? Uri.UnescapeDataString(g.First()[1].Replace('+', ' ')) : "", StringComparer.Ordinal);
            accessToken = form.GetValueOrDefault("access_token");
            tokenType = form.GetValueOrDefault("token_type");
        }
        else
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                accessToken = Text(document.RootElement, "access_token");
                tokenType = Text(document.RootElement, "token_type");
            }
            catch (JsonException exception)
            {
                throw new MetricQueryException($"oauth2: cannot parse json: {exception.Message}", exception);
            }
        }

        if (string.IsNullOrEmpty(accessToken))
        {
            throw new MetricQueryException("oauth2: server response missing access_token");
        }

        return $"{TokenType(tokenType)} {accessToken}";
    }

    private static async Task<string> RequestAsync(HttpClient http, Uri tokenUrl, OAuth2Config config, bool credentialsInHeader, CancellationToken cancellationToken)
    {
        var form = new List<KeyValuePair<string, string>> { new("grant_type", "client_credentials") };
        if (config.Scopes is { Count: > 0 } scopes)
        {
            form.Add(new("scope", string.Join(' ', scopes)));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, tokenUrl);
        if (credentialsInHeader)
        {
            var pair = $"{GoQuery.Escape(config.ClientId!)}:{GoQuery.Escape(config.ClientSecret!)}";
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
        }
        else
        {
            form.Add(new("client_id", config.ClientId!));
            form.Add(new("client_secret", config.ClientSecret!));
        }

        request.Content = new StringContent(GoQuery.Encode(form), Encoding.UTF8, "application/x-www-form-urlencoded");
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var body = Encoding.UTF8.GetString(await BoundedContent.ReadAsync(response.Content, MaxTokenResponseBytes, $"the token endpoint {tokenUrl}", cancellationToken));
            if (!response.IsSuccessStatusCode)
            {
                throw new MetricQueryException($"oauth2: cannot fetch token from {tokenUrl}: {(int)response.StatusCode} {response.ReasonPhrase}; response: {Shorten(body)}");
            }

            return ParseAuthorization(body, response.Content.Headers.ContentType?.MediaType);
        }
        catch (HttpRequestException exception)
        {
            throw new MetricQueryException($"oauth2: the token endpoint {tokenUrl} is unreachable: {exception.Message}", exception);
        }
    }

    private static string TokenType(string? type) => type?.ToLowerInvariant() switch
    {
        null or "" or "bearer" => "Bearer",
        "mac" => "MAC",
        "basic" => "Basic",
        _ => type,
    };

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "...";

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
