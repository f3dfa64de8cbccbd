using System.Text.Json;
using System.Text.Json.Serialization;
using Tollgate.Shared.Kube.Discovery;
using Tollgate.Shared.Kube.Requests;

namespace Tollgate.Shared.Kube.Serialization;

/// <summary>Serialization for the client's own request and discovery types.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DeleteOptions))]
[JsonSerializable(typeof(V1APIResourceList))]
internal sealed partial class ClientJsonContext : JsonSerializerContext;
