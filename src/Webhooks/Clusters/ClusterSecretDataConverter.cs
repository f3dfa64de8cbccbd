using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Webhooks.Clusters;

/// <summary>
/// Reads a cluster Secret's <c>data</c> map: decodes the fields admission needs, checks <c>config</c> the way Argo CD
/// unmarshals it, and drops everything else, so no credential stays in memory.
/// </summary>
public sealed class ClusterSecretDataConverter : JsonConverter<ClusterSecretData>
{
    public override ClusterSecretData? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Secret data must be an object");
        }

        var data = new ClusterSecretData();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString() ?? "";
            reader.Read();
            var value = reader.TokenType == JsonTokenType.String ? Decode(reader.GetString()) : null;
            data = key switch
            {
                "name" => data with { Name = value },
                "server" => data with { Server = value },
                "project" => data with { Project = value },
                "namespaces" => data with { Namespaces = value },
                "clusterResources" => data with { ClusterResources = value },
                "config" => data with { ConfigProblem = value is null ? null : ClusterConfigCheck.Problem(value) },
                _ => data,
            };
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
            }
        }

        return data;
    }

    public override void Write(Utf8JsonWriter writer, ClusterSecretData value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        Field("name", value.Name);
        Field("server", value.Server);
        Field("project", value.Project);
        Field("namespaces", value.Namespaces);
        Field("clusterResources", value.ClusterResources);
        writer.WriteEndObject();

        void Field(string name, string? text)
        {
            if (text is not null)
            {
                writer.WriteString(name, Convert.ToBase64String(Encoding.UTF8.GetBytes(text)));
            }
        }
    }

    private static string? Decode(string? base64)
    {
        if (base64 is null)
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
