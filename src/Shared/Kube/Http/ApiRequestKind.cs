namespace Tollgate.Shared.Kube.Http;

/// <summary>
/// The verb and resource of one API request, as labels of the request counter: bounded, because resources come from
/// the kinds the client's code names, never from object names or namespaces.
/// </summary>
public readonly record struct ApiRequestKind(string Verb, string Resource)
{
    /// <summary>What a path outside the resource API (discovery, /readyz, /version) counts as.</summary>
    public const string NonResource = "other";

    private static readonly HashSet<string> NamespaceSubresources = new(StringComparer.Ordinal) { "status", "finalize" };

    /// <summary>
    /// GET of a collection is LIST and a streaming request is WATCH (as client-go and the audit log name them);
    /// <c>rollouts/status</c> names a subresource.
    /// </summary>
    public static ApiRequestKind Of(string method, string pathAndQuery, bool streaming)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        var query = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? pathAndQuery : pathAndQuery[..query];
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        // After /api/v1 or /apis/<group>/<version>: [namespaces/<ns>/]<resource>[/<name>[/<subresource>]].
        var rest = segments switch
        {
            ["api", _, .. var tail] => tail,
            ["apis", _, _, .. var tail] => tail,
            _ => null,
        };
        if (rest is null || rest.Length == 0)
        {
            return new(streaming ? "WATCH" : method, NonResource);
        }

        if (rest is ["namespaces", _, var next, ..] && !(rest.Length == 3 && NamespaceSubresources.Contains(next)))
        {
            rest = rest[2..];
        }

        var collection = rest.Length == 1;
        var resource = rest.Length >= 3 ? $"{rest[0]}/{rest[2]}" : rest[0];
        var verb = streaming ? "WATCH" : collection && method == HttpMethod.Get.Method ? "LIST" : method;
        return new(verb, resource);
    }
}
