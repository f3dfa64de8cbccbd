using System.Text.Json;
using System.Text.Json.Serialization;
using Tollgate.Shared.Admission.Review;

namespace Tollgate.Shared.Admission;

/// <summary>Source-generated serialization of the AdmissionReview envelope.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AdmissionReview))]
public sealed partial class AdmissionJsonContext : JsonSerializerContext;
