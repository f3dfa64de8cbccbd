using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Entities.Rollouts.TrafficRouting;

/// <summary>
/// The configuration the argoproj-labs/gatewayAPI plugin reads from <c>trafficRouting.plugins["argoproj-labs/gatewayAPI"]</c>,
/// so that Rollouts written for the plugin run unchanged.
/// </summary>
public sealed class GatewayApiTrafficRouting
{
    public const string PluginName = "argoproj-labs/gatewayAPI";

    public const string DefaultInProgressLabelKey = "rollouts.argoproj.io/gatewayapi-canary";

    public const string DefaultInProgressLabelValue = "in-progress";

    public string? HttpRoute { get; set; }

    public IList<GatewayApiRoute>? HttpRoutes { get; set; }

    public string? Namespace { get; set; }

    public bool? DisableInProgressLabel { get; set; }

    public string? InProgressLabelKey { get; set; }

    public string? InProgressLabelValue { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>The plugin's configuration from its JSON under trafficRouting.plugins.</summary>
    /// <exception cref="JsonException">The JSON is not an object of the plugin's shape.</exception>
    public static GatewayApiTrafficRouting Parse(JsonElement config) =>
        config.ValueKind == JsonValueKind.Object
            ? config.Deserialize(RolloutsJsonContext.Default.GatewayApiTrafficRouting) ?? new GatewayApiTrafficRouting()
            : throw new JsonException($"expected an object, not {config.ValueKind.ToString().ToLowerInvariant()}");

    /// <summary>The routes that take header routes: httpRoute, and the httpRoutes entries with useHeaderRoutes.</summary>
    public IReadOnlyList<string> HeaderRouteNames() =>
        [.. (HttpRoutes ?? []).Where(r => r.UseHeaderRoutes == true).Select(r => r.Name ?? ""), .. HttpRoute is { Length: > 0 } single ? [single] : Array.Empty<string>()];

    /// <summary>httpRoute and httpRoutes together, in the plugin's order (the list first, then the single one).</summary>
    public IReadOnlyList<string> HttpRouteNames() =>
        [.. (HttpRoutes ?? []).Select(r => r.Name ?? ""), .. HttpRoute is { Length: > 0 } single ? [single] : Array.Empty<string>()];
}
