using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Requests;

/// <summary>meta/v1 DeleteOptions, sent as the DELETE body.</summary>
public sealed record DeleteOptions
{
    public string ApiVersion { get; init; } = "v1";

    public string Kind { get; init; } = "DeleteOptions";

    /// <summary>Orphan, Background or Foreground.</summary>
    public string? PropagationPolicy { get; init; }

    public long? GracePeriodSeconds { get; init; }

    public DeletePreconditions? Preconditions { get; init; }

    [JsonPropertyName("dryRun")]
    public IReadOnlyList<string>? DryRun { get; init; }

    public static DeleteOptions Background { get; } = new() { PropagationPolicy = "Background" };

    public static DeleteOptions Foreground { get; } = new() { PropagationPolicy = "Foreground" };
}
