namespace Tollgate.Shared.Admission;

public sealed class AdmissionWebhookOptions
{
    /// <summary>The API server caps objects at about 1.5 MiB and a review carries two of them.</summary>
    public const long DefaultMaxRequestBodyBytes = 3 * 1024 * 1024;

    public const string DefaultNoopPath = "/admission/noop";

    /// <summary>Larger bodies are answered with 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = DefaultMaxRequestBodyBytes;

    /// <summary>Where the allow-everything endpoint is served; null serves none.</summary>
    public string? NoopPath { get; set; } = DefaultNoopPath;
}
