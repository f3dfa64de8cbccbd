using System.Text.Json.Nodes;

namespace Tollgate.KubectlPlugin;

/// <summary>A merge patch for spec (the object) and one for status (the status subresource); either may be absent.</summary>
public sealed record RolloutPatch(JsonObject? Spec, JsonObject? Status);
