using System.Text.Json;
using System.Text.Json.Serialization;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Shared.Tests.Operator;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Sprocket))]
[JsonSerializable(typeof(KubernetesList<Sprocket>))]
public sealed partial class OperatorTestJsonContext : JsonSerializerContext;
