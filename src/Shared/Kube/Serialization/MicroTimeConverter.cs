using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Serialization;

/// <summary>metav1.MicroTime: RFC 3339 in UTC with exactly six fractional digits (Leases, Events).</summary>
public sealed class MicroTimeConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
}
