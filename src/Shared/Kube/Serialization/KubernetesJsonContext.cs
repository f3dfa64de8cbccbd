using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Shared.Kube.Serialization;

/// <summary>Source-generated serialization for the built-in kinds the client touches (no reflection at run time).</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(Rfc3339TimeConverter)])]
[JsonSerializable(typeof(V1Status))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(KubernetesList<JsonObject>))]
[JsonSerializable(typeof(V1ConfigMap))]
[JsonSerializable(typeof(KubernetesList<V1ConfigMap>))]
[JsonSerializable(typeof(V1Namespace))]
[JsonSerializable(typeof(KubernetesList<V1Namespace>))]
[JsonSerializable(typeof(V1Pod))]
[JsonSerializable(typeof(KubernetesList<V1Pod>))]
[JsonSerializable(typeof(V1Service))]
[JsonSerializable(typeof(KubernetesList<V1Service>))]
[JsonSerializable(typeof(Corev1Event))]
[JsonSerializable(typeof(KubernetesList<Corev1Event>))]
[JsonSerializable(typeof(V1Secret))]
[JsonSerializable(typeof(KubernetesList<V1Secret>))]
[JsonSerializable(typeof(V1ServiceAccount))]
[JsonSerializable(typeof(KubernetesList<V1ServiceAccount>))]
[JsonSerializable(typeof(V1Deployment))]
[JsonSerializable(typeof(KubernetesList<V1Deployment>))]
[JsonSerializable(typeof(V1ReplicaSet))]
[JsonSerializable(typeof(V1PodTemplate))]
[JsonSerializable(typeof(KubernetesList<V1PodTemplate>))]
[JsonSerializable(typeof(KubernetesList<V1ReplicaSet>))]
[JsonSerializable(typeof(V1Lease))]
[JsonSerializable(typeof(KubernetesList<V1Lease>))]
[JsonSerializable(typeof(V1ValidatingWebhookConfiguration))]
[JsonSerializable(typeof(KubernetesList<V1ValidatingWebhookConfiguration>))]
[JsonSerializable(typeof(V1CustomResourceDefinition))]
[JsonSerializable(typeof(KubernetesList<V1CustomResourceDefinition>))]
[JsonSerializable(typeof(V1SelfSubjectAccessReview))]
[JsonSerializable(typeof(KubernetesList<V1SelfSubjectAccessReview>))]
[JsonSerializable(typeof(V1Scale))]
[JsonSerializable(typeof(KubernetesList<V1Scale>))]
[JsonSerializable(typeof(V1ClusterRole))]
[JsonSerializable(typeof(KubernetesList<V1ClusterRole>))]
[JsonSerializable(typeof(V1ClusterRoleBinding))]
[JsonSerializable(typeof(KubernetesList<V1ClusterRoleBinding>))]
[JsonSerializable(typeof(V1Role))]
[JsonSerializable(typeof(KubernetesList<V1Role>))]
[JsonSerializable(typeof(V1RoleBinding))]
[JsonSerializable(typeof(KubernetesList<V1RoleBinding>))]
public sealed partial class KubernetesJsonContext : JsonSerializerContext;
