using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Rollouts.Sync;

/// <summary>Source-generated serialization of the few plain values the controller writes itself.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(string))]
public sealed partial class RolloutsControllerJsonContext : JsonSerializerContext;
