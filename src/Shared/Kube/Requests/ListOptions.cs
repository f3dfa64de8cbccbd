namespace Tollgate.Shared.Kube.Requests;

/// <summary>Query options for list and watch calls.</summary>
public sealed record ListOptions
{
    public string? LabelSelector { get; init; }

    public string? FieldSelector { get; init; }

    /// <summary>Page size; the server returns a continue token when more items remain.</summary>
    public int? Limit { get; init; }

    public string? Continue { get; init; }

    public string? ResourceVersion { get; init; }

    public string? ResourceVersionMatch { get; init; }

    public int? TimeoutSeconds { get; init; }

    public bool AllowWatchBookmarks { get; init; }

    internal void AppendTo(QueryString query)
    {
        query.Add("labelSelector", LabelSelector);
        query.Add("fieldSelector", FieldSelector);
        query.Add("limit", Limit?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        query.Add("continue", Continue);
        query.Add("resourceVersion", ResourceVersion);
        query.Add("resourceVersionMatch", ResourceVersionMatch);
        query.Add("timeoutSeconds", TimeoutSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
