using System.Text.Json;

namespace Tollgate.Reliability.Tests.Hostile;

/// <summary>Pure: whether the answers to the two valid probes are the right ones.</summary>
public static class ProbeCheck
{
    /// <returns>What is wrong with the drift denial, or null.</returns>
    public static string? Drift(JsonElement response, string uid) =>
        response.GetProperty("uid").GetString() != uid ? $"drift probe answered uid {response.GetProperty("uid").GetString()}, not {uid}"
        : response.GetProperty("allowed").GetBoolean() ? "drift probe allowed"
        : response.GetProperty("status").GetProperty("code").GetInt32() != 403 ? $"drift probe denied with code {response.GetProperty("status").GetProperty("code").GetInt32()}"
        : !response.GetProperty("status").GetProperty("message").GetString()!.Contains("Change it in Git", StringComparison.Ordinal)
            ? $"drift probe denied for another reason: {response.GetProperty("status").GetProperty("message").GetString()}"
        : null;

    /// <returns>What is wrong with the unmanaged allow, or null.</returns>
    public static string? Unmanaged(JsonElement response, string uid) =>
        response.GetProperty("uid").GetString() != uid ? $"unmanaged probe answered uid {response.GetProperty("uid").GetString()}, not {uid}"
        : !response.GetProperty("allowed").GetBoolean() ? $"unmanaged probe denied: {response.GetProperty("status").GetProperty("message").GetString()}"
        : null;
}
