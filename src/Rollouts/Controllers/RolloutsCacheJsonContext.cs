using System.Text.Json;
using System.Text.Json.Serialization;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Kube.Serialization;

namespace Tollgate.Rollouts.Controllers;

/// <summary>Source-generated serialization of the projections <see cref="RolloutCaches"/> keeps instead of whole objects.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(Rfc3339TimeConverter)])]
[JsonSerializable(typeof(CachedService))]
[JsonSerializable(typeof(KubernetesList<CachedService>))]
[JsonSerializable(typeof(CachedReplicaSet))]
[JsonSerializable(typeof(KubernetesList<CachedReplicaSet>))]
public sealed partial class RolloutsCacheJsonContext : JsonSerializerContext;
