using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Webhooks.Settings;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(SettingsDocument))]
public sealed partial class SettingsJsonContext : JsonSerializerContext;
