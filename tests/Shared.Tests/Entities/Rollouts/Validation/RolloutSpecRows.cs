using System.Text.Json;
using System.Text.Json.Nodes;
using Tollgate.Shared.Entities.Rollouts;

namespace Tollgate.Shared.Tests.Entities.Rollouts.Validation;

/// <summary>Rollouts for validator rows: a valid canary Rollout with a JSON merge patch (RFC 7386) applied to its spec.</summary>
public static class RolloutSpecRows
{
    public const string BaseSpec = """
        {"replicas":4,
         "selector":{"matchLabels":{"app":"web"}},
         "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"web","image":"nginx:1.27"}]}},
         "strategy":{"canary":{"steps":[{"setWeight":20},{"pause":{"duration":"1m"}},{"setWeight":100}]}}}
        """;

    public static Rollout Rollout(string specPatch) =>
        JsonSerializer.Deserialize(RolloutJson(specPatch), RolloutsJsonContext.Default.Rollout)!;

    public static string RolloutJson(string specPatch, string name = "web", string? @namespace = null)
    {
        var spec = Merge(JsonNode.Parse(BaseSpec), JsonNode.Parse(specPatch));
        var metadata = new JsonObject { ["name"] = name };
        if (@namespace is not null)
        {
            metadata["namespace"] = @namespace;
        }

        return new JsonObject
        {
            ["apiVersion"] = "argoproj.io/v1alpha1",
            ["kind"] = "Rollout",
            ["metadata"] = metadata,
            ["spec"] = spec,
        }.ToJsonString();
    }

    private static JsonNode? Merge(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target is JsonObject targetObject ? (JsonObject)targetObject.DeepClone() : [];
        foreach (var (key, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(key);
            }
            else
            {
                result[key] = Merge(result[key], value);
            }
        }

        return result;
    }
}
