using System.Text.Json;
using System.Text.Json.Serialization;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Kube.Serialization;

namespace Tollgate.Shared.Entities.Rollouts;

/// <summary>Source-generated serialization for the Argo Rollouts kinds (no reflection at run time).</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(Rfc3339TimeConverter)])]
[JsonSerializable(typeof(Rollout))]
[JsonSerializable(typeof(KubernetesList<Rollout>))]
[JsonSerializable(typeof(AnalysisTemplate))]
[JsonSerializable(typeof(KubernetesList<AnalysisTemplate>))]
[JsonSerializable(typeof(ClusterAnalysisTemplate))]
[JsonSerializable(typeof(KubernetesList<ClusterAnalysisTemplate>))]
[JsonSerializable(typeof(AnalysisRun))]
[JsonSerializable(typeof(KubernetesList<AnalysisRun>))]
[JsonSerializable(typeof(MetricProvider))]
[JsonSerializable(typeof(TrafficRouting.GatewayApiTrafficRouting))]
public sealed partial class RolloutsJsonContext : JsonSerializerContext;
