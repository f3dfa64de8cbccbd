using System.Text.Json;
using System.Text.Json.Serialization;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Shared.Tests.Support;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Widget))]
[JsonSerializable(typeof(KubernetesList<Widget>))]
public sealed partial class TestJsonContext : JsonSerializerContext;
