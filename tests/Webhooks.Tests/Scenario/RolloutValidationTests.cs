using System.Text.Json;
using System.Text.Json.Nodes;
using Tollgate.Shared.Admission.Review;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Entities.Rollouts.Validation;
using Tollgate.Testing;
using Tollgate.Webhooks.Handlers;
using Tollgate.Webhooks.Tests.Support;

namespace Tollgate.Webhooks.Tests.Scenario;

/// <summary>
/// The webhook and the rollout controller judge a Rollout by one validator: the same rows through the shared validator
/// and through the running webhook (and, for some, <c>kubectl apply</c> against the API server) give the same message.
/// </summary>
public sealed class RolloutValidationTests(ControlPlaneFixture fixture) : WebhookScenarioTest(fixture)
{
    private const string BaseSpec = """
        {"replicas":4,
         "selector":{"matchLabels":{"app":"web"}},
         "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"web","image":"nginx:1.27"}]}},
         "strategy":{"canary":{"steps":[{"setWeight":20},{"pause":{"duration":"1m"}},{"setWeight":100}]}}}
        """;

    /// <summary>Row name and a JSON merge patch of <see cref="BaseSpec"/>; the validator decides what each should give.</summary>
    private static readonly (string Row, string SpecPatch)[] Rows =
    [
        ("valid base", "{}"),
        ("valid without selector", """{"selector":null,"template":{"metadata":null}}"""),
        ("valid Go pause durations", """{"strategy":{"canary":{"steps":[{"pause":{"duration":"1h30m"}},{"pause":{"duration":"1.5h"}},{"pause":{"duration":"500ms"}},{"pause":{"duration":"45"}},{"pause":{"duration":30}}]}}}"""),
        ("valid zero surge", """{"strategy":{"canary":{"maxSurge":0,"maxUnavailable":1}}}"""),
        ("negative replicas", """{"replicas":-1}"""),
        ("no template", """{"template":null}"""),
        ("labels do not match", """{"template":{"metadata":{"labels":{"app":"other"}}}}"""),
        ("workloadRef", """{"workloadRef":{"apiVersion":"apps/v1","kind":"Deployment","name":"web"}}"""),
        ("blueGreen", """{"strategy":{"canary":null,"blueGreen":{"activeService":"active"}}}"""),
        ("both strategies", """{"strategy":{"blueGreen":{"activeService":"active"}}}"""),
        ("no strategy", """{"strategy":null}"""),
        ("trafficRouting", """{"strategy":{"canary":{"trafficRouting":{"nginx":{"stableIngress":"web"}}}}}"""),
        ("zero surge and unavailable", """{"strategy":{"canary":{"maxSurge":"0%","maxUnavailable":0}}}"""),
        ("setCanaryScale", """{"strategy":{"canary":{"steps":[{"setCanaryScale":{"replicas":1}}]}}}"""),
        ("dynamicStableScale", """{"strategy":{"canary":{"dynamicStableScale":true}}}"""),
        ("scaleDownDelaySeconds", """{"strategy":{"canary":{"scaleDownDelaySeconds":30}}}"""),
        ("abortScaleDownDelaySeconds", """{"strategy":{"canary":{"abortScaleDownDelaySeconds":30}}}"""),
        ("weight 101", """{"strategy":{"canary":{"steps":[{"setWeight":101}]}}}"""),
        ("weight -1", """{"strategy":{"canary":{"steps":[{"setWeight":-1}]}}}"""),
        ("empty step", """{"strategy":{"canary":{"steps":[{}]}}}"""),
        ("two kinds in a step", """{"strategy":{"canary":{"steps":[{"setWeight":10,"pause":{}}]}}}"""),
        ("negative pause", """{"strategy":{"canary":{"steps":[{"pause":{"duration":"-5s"}}]}}}"""),
        ("pause in days", """{"strategy":{"canary":{"steps":[{"pause":{"duration":"2d"}}]}}}"""),
        ("largest replicas", """{"replicas":2147483647}"""),
        ("several problems", """{"replicas":-3,"strategy":{"canary":{"steps":[{"setWeight":150}]}}}"""),
    ];

    [Fact]
    public async Task ValidateAsync_SameRows_WebhookGivesTheValidatorsFirstMessage()
    {
        var cancellationToken = Timeout();
        var webhook = Webhooks.Registered.OfType<RolloutValidationWebhook>().Single();
        List<string> disagreements = [];
        var refused = 0;

        foreach (var (row, patch) in Rows)
        {
            var json = RolloutJson(patch, "agreement");
            var messages = RolloutSpecValidator.Validate(JsonSerializer.Deserialize(json, RolloutsJsonContext.Default.Rollout)!);
            var result = await webhook.ValidateAsync(CreateRequest(json, "agreement"), cancellationToken);

            var expected = messages.Count == 0 ? null : messages[0];
            var actual = result.Allowed ? null : result.Status?.Message;
            if (expected != actual || result.Allowed != (messages.Count == 0))
            {
                disagreements.Add($"{row}: validator '{expected}', webhook '{actual}'");
            }

            refused += messages.Count == 0 ? 0 : 1;
        }

        Assert.Empty(disagreements);
        Assert.Equal(Rows.Length - 5, refused);
    }

    [Theory]
    [InlineData("canary-scale", """{"strategy":{"canary":{"steps":[{"setWeight":20},{"setCanaryScale":{"weight":50}}]}}}""", "spec.strategy.canary.steps[1].setCanaryScale: SetCanaryScale requires TrafficRouting to be set")]
    [InlineData("dynamic", """{"strategy":{"canary":{"dynamicStableScale":true}}}""", "spec.strategy.canary.dynamicStableScale: Canary dynamicStableScale can only be used with traffic routing")]
    [InlineData("abortdelay", """{"strategy":{"canary":{"abortScaleDownDelaySeconds":0}}}""", "spec.strategy.canary.abortScaleDownDelaySeconds: takes effect only with traffic routing; remove it")]
    [InlineData("negpause", """{"strategy":{"canary":{"steps":[{"pause":{"duration":"-1h"}}]}}}""", "spec.strategy.canary.steps[0].pause.duration: must not be negative, not \"-1h\"")]
    [InlineData("bluegreen", """{"strategy":{"canary":null,"blueGreen":{"activeService":"web","previewService":"web"}}}""", "spec.strategy.blueGreen.activeService: This rollout uses the same service for the active and preview services, but two different services are required.")]
    public async Task KubectlApply_InvalidRollout_RefusedWithTheValidatorsMessageAndNotStored(string name, string specPatch, string message)
    {
        var cancellationToken = Timeout();
        var json = RolloutJson(specPatch, name, Production);
        Assert.Equal(message, RolloutSpecValidator.Validate(JsonSerializer.Deserialize(json, RolloutsJsonContext.Default.Rollout)!)[0]);

        var applied = await ApplyAsync(Users.Platform, json);

        Assert.False(applied.Succeeded, applied.ToString());
        Assert.Contains($"denied the request: {message}", applied.Stderr, StringComparison.Ordinal);
        Assert.Null(await Client.GetAsync<Rollout>(name, Production, cancellationToken));
    }

    [Fact]
    public async Task KubectlApply_GoPauseDurations_AcceptedAsTheControllerReadsThem()
    {
        var applied = await ApplyAsync(Users.Platform, RolloutJson(
            """{"strategy":{"canary":{"steps":[{"setWeight":20},{"pause":{"duration":"1h30m"}},{"pause":{"duration":"1.5h"}},{"pause":{"duration":"500ms"}},{"setWeight":100}]}}}""",
            "go-durations",
            Production), "--dry-run=server");

        Assert.True(applied.Succeeded, applied.ToString());
    }

    private AdmissionRequest CreateRequest(string json, string name) => new()
    {
        Uid = Guid.NewGuid().ToString(),
        Kind = new GroupVersionKind { Group = "argoproj.io", Version = "v1alpha1", Kind = "Rollout" },
        Resource = new GroupVersionResource { Group = "argoproj.io", Version = "v1alpha1", Resource = "rollouts" },
        Name = name,
        Namespace = Production,
        Operation = AdmissionOperations.Create,
        UserInfo = new UserInfo { Username = "platform-user", Groups = ["platform-team"] },
        Object = JsonDocument.Parse(json).RootElement.Clone(),
    };

    private static string RolloutJson(string specPatch, string name, string? @namespace = null)
    {
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
            ["spec"] = Merge(JsonNode.Parse(BaseSpec), JsonNode.Parse(specPatch)),
        }.ToJsonString();
    }

    /// <summary>RFC 7386 JSON merge patch.</summary>
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
