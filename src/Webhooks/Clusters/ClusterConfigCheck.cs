using System.Text.Json;

namespace Tollgate.Webhooks.Clusters;

/// <summary>
/// Pure: whether a cluster Secret's <c>config</c> would unmarshal into Argo CD's <c>ClusterConfig</c> with Go's
/// encoding/json (a failure makes Argo CD ignore the Secret). Field names match case-insensitively, unknown fields and
/// nulls are ignored, <c>[]byte</c> fields must be standard base64, and any type mismatch fails.
/// </summary>
public static class ClusterConfigCheck
{
    private enum GoType
    {
        String,
        Bool,
        Bytes,
        StringSlice,
        StringMap,
        Struct,
    }

    private sealed record Field(string GoName, GoType Type, IReadOnlyDictionary<string, Field>? Fields = null);

    private static readonly Dictionary<string, Field> TlsClientConfig = Fields(
        ("insecure", new Field("Insecure", GoType.Bool)),
        ("serverName", new Field("ServerName", GoType.String)),
        ("certData", new Field("CertData", GoType.Bytes)),
        ("keyData", new Field("KeyData", GoType.Bytes)),
        ("caData", new Field("CAData", GoType.Bytes)));

    private static readonly Dictionary<string, Field> AwsAuthConfig = Fields(
        ("clusterName", new Field("ClusterName", GoType.String)),
        ("roleARN", new Field("RoleARN", GoType.String)),
        ("profile", new Field("Profile", GoType.String)));

    private static readonly Dictionary<string, Field> ExecProviderConfig = Fields(
        ("command", new Field("Command", GoType.String)),
        ("args", new Field("Args", GoType.StringSlice)),
        ("env", new Field("Env", GoType.StringMap)),
        ("apiVersion", new Field("APIVersion", GoType.String)),
        ("installHint", new Field("InstallHint", GoType.String)),
        ("provideClusterInfo", new Field("ProvideClusterInfo", GoType.Bool)));

    private static readonly Dictionary<string, Field> ClusterConfig = Fields(
        ("username", new Field("Username", GoType.String)),
        ("password", new Field("Password", GoType.String)),
        ("bearerToken", new Field("BearerToken", GoType.String)),
        ("tlsClientConfig", new Field("TLSClientConfig", GoType.Struct, TlsClientConfig)),
        ("awsAuthConfig", new Field("AWSAuthConfig", GoType.Struct, AwsAuthConfig)),
        ("execProviderConfig", new Field("ExecProviderConfig", GoType.Struct, ExecProviderConfig)),
        ("disableCompression", new Field("DisableCompression", GoType.Bool)),
        ("proxyUrl", new Field("ProxyUrl", GoType.String)));

    /// <summary>Argo CD's error for this <c>config</c> text, or null when it unmarshals (an empty text is not read at all).</summary>
    public static string? Problem(string config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(config);
            var problem = Check(document.RootElement, "ClusterConfig", new Field("ClusterConfig", GoType.Struct, ClusterConfig), "v1alpha1.ClusterConfig");
            return problem is null ? null : $"failed to unmarshal cluster config: json: {problem}";
        }
        catch (JsonException e)
        {
            return $"failed to unmarshal cluster config: the config is not valid JSON: {e.Message}";
        }
    }

    private static string? Check(JsonElement value, string path, Field field, string goTypeName)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        switch (field.Type)
        {
            case GoType.String:
                return value.ValueKind == JsonValueKind.String ? null : Mismatch(value, path, "string");
            case GoType.Bool:
                return value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : Mismatch(value, path, "bool");
            case GoType.Bytes:
                if (value.ValueKind != JsonValueKind.String)
                {
                    return Mismatch(value, path, "[]uint8");
                }

                var text = value.GetString()!;
                return Convert.TryFromBase64String(text, new byte[text.Length], out _) ? null : $"illegal base64 data in Go struct field {path}";
            case GoType.StringSlice:
                if (value.ValueKind != JsonValueKind.Array)
                {
                    return Mismatch(value, path, "[]string");
                }

                return value.EnumerateArray().Select(item => Check(item, path, new Field(field.GoName, GoType.String), "string")).FirstOrDefault(p => p is not null);
            case GoType.StringMap:
                if (value.ValueKind != JsonValueKind.Object)
                {
                    return Mismatch(value, path, "map[string]string");
                }

                return value.EnumerateObject().Select(item => Check(item.Value, $"{path}.{item.Name}", new Field(field.GoName, GoType.String), "string")).FirstOrDefault(p => p is not null);
            default:
                if (value.ValueKind != JsonValueKind.Object)
                {
                    return path == "ClusterConfig"
                        ? $"cannot unmarshal {JsonKind(value)} into Go value of type {goTypeName}"
                        : Mismatch(value, path, $"v1alpha1.{field.GoName}");
                }

                foreach (var property in value.EnumerateObject())
                {
                    // Go matches an exact name first, then case-insensitively.
                    if (field.Fields!.TryGetValue(property.Name, out var member)
                        && Check(property.Value, path == "ClusterConfig" ? $"ClusterConfig.{property.Name}" : $"{path}.{property.Name}", member, member.GoName) is { } problem)
                    {
                        return problem;
                    }
                }

                return null;
        }
    }

    private static string Mismatch(JsonElement value, string path, string goType) =>
        $"cannot unmarshal {JsonKind(value)} into Go struct field {path} of type {goType}";

    private static string JsonKind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "bool",
        JsonValueKind.Array => "array",
        _ => "object",
    };

    private static Dictionary<string, Field> Fields(params (string Name, Field Field)[] fields) =>
        fields.ToDictionary(f => f.Name, f => f.Field, StringComparer.OrdinalIgnoreCase);
}
