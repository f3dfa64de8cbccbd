using System.Text.Json;
using System.Text.Json.Serialization;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Kube.Serialization;

namespace Tollgate.Shared.Entities.ArgoCd;

/// <summary>Source-generated serialization for the Argo CD kinds (no reflection at run time).</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(Rfc3339TimeConverter)])]
[JsonSerializable(typeof(AppProject))]
[JsonSerializable(typeof(KubernetesList<AppProject>))]
[JsonSerializable(typeof(Application))]
[JsonSerializable(typeof(KubernetesList<Application>))]
public sealed partial class ArgoCdJsonContext : JsonSerializerContext;
