using System.Text.Json;
using System.Text.Json.Serialization;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Kube.Serialization;

namespace Tollgate.Webhooks.Caches;

/// <summary>Source-generated serialization of the metadata-only cache kinds.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(Rfc3339TimeConverter)])]
[JsonSerializable(typeof(DeploymentMetadata))]
[JsonSerializable(typeof(KubernetesList<DeploymentMetadata>))]
[JsonSerializable(typeof(ReplicaSetMetadata))]
[JsonSerializable(typeof(KubernetesList<ReplicaSetMetadata>))]
[JsonSerializable(typeof(StatefulSetMetadata))]
[JsonSerializable(typeof(KubernetesList<StatefulSetMetadata>))]
[JsonSerializable(typeof(RolloutMetadata))]
[JsonSerializable(typeof(KubernetesList<RolloutMetadata>))]
[JsonSerializable(typeof(AnalysisTemplateMetadata))]
[JsonSerializable(typeof(KubernetesList<AnalysisTemplateMetadata>))]
[JsonSerializable(typeof(ClusterAnalysisTemplateMetadata))]
[JsonSerializable(typeof(ClusterSecret))]
[JsonSerializable(typeof(KubernetesList<ClusterSecret>))]
[JsonSerializable(typeof(KubernetesList<ClusterAnalysisTemplateMetadata>))]
public sealed partial class MetadataJsonContext : JsonSerializerContext;
