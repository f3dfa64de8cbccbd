using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;

namespace Tollgate.Shared.Admission;

/// <summary>
/// Whether a request body is text every later reader can decode: valid UTF-8 throughout, and no escape sequence that
/// decodes to an unpaired UTF-16 surrogate. System.Text.Json checks neither while parsing; it throws only when a string
/// is read, which would be in the middle of a handler. The API server (Go) never sends either.
/// </summary>
public static class AdmissionBodyText
{
    /// <returns>Why the body is unusable, or null. Structural JSON errors are left to the parser.</returns>
    public static string? Problem(ReadOnlySequence<byte> body)
    {
        if (!IsValidUtf8(body))
        {
            return "the body is not valid UTF-8";
        }

        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
                {
                    // Decoding is the only check of the escapes; escaped strings are rare, so the copy is cheap.
                    _ = reader.GetString();
                }
            }
        }
        catch (InvalidOperationException e)
        {
            return $"the body holds a string that is not valid text at byte {reader.TokenStartIndex}: {e.Message}";
        }
        catch (JsonException)
        {
            return null;
        }

        return null;
    }

    private static bool IsValidUtf8(ReadOnlySequence<byte> body)
    {
        if (body.IsSingleSegment)
        {
            return Utf8.IsValid(body.FirstSpan);
        }

        // A character may straddle two segments; the body is bounded by the size limit, so one copy is affordable.
        var length = checked((int)body.Length);
        var copy = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            body.CopyTo(copy);
            return Utf8.IsValid(copy.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }
}
