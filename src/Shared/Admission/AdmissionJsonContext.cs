using System.Text.Json;
using System.Text.Json.Serialization;
using Tollgate.Shared.Admission.Review;

namespace Tollgate.Shared.Admission;

/// <summary>Source-generated serialization of the AdmissionReview envelope.</summary>
// RespectNullableAnnotations: `"group": null` is a 400 at parse time, not a NullReferenceException in a handler.
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, RespectNullableAnnotations = true)]
[JsonSerializable(typeof(AdmissionReview))]
public sealed partial class AdmissionJsonContext : JsonSerializerContext;
