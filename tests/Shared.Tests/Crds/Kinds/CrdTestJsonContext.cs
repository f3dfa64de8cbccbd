using System.Text.Json;
using System.Text.Json.Serialization;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Kube.Serialization;

namespace Tollgate.Shared.Tests.Crds.Kinds;

[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(Rfc3339TimeConverter)])]
[JsonSerializable(typeof(Gadget))]
[JsonSerializable(typeof(KubernetesList<Gadget>))]
[JsonSerializable(typeof(Probe<NumericEnumSpec>))]
[JsonSerializable(typeof(Probe<RecursiveSpec>))]
[JsonSerializable(typeof(Probe<GadgetStatus>))]
[JsonSerializable(typeof(MislabelledKind))]
public sealed partial class CrdTestJsonContext : JsonSerializerContext;
