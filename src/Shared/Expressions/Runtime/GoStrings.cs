using System.Text;

namespace Tollgate.Shared.Expressions.Runtime;

/// <summary>Go's strings.SplitN / SplitAfterN / Replace and byte-offset indexes.</summary>
internal static class GoStrings
{
    public static List<object?> Split(string text, string separator, long limit, bool keepSeparator, EvaluationBudget budget)
    {
        var parts = new List<object?>();
        if (limit == 0)
        {
            return parts;
        }

        if (separator.Length == 0)
        {
            var runes = text.EnumerateRunes().Select(r => r.ToString()).ToList();
            if (limit > 0 && runes.Count > limit)
            {
                runes = [.. runes.Take((int)limit - 1), string.Concat(runes.Skip((int)limit - 1))];
            }

            budget.Allocate(runes.Count);
            parts.AddRange(runes);
            return parts;
        }

        var start = 0;
        while (limit < 0 || parts.Count < limit - 1)
        {
            var found = text.IndexOf(separator, start, StringComparison.Ordinal);
            if (found < 0)
            {
                break;
            }

            parts.Add(text[start..(keepSeparator ? found + separator.Length : found)]);
            start = found + separator.Length;
        }

        parts.Add(text[start..]);
        budget.Allocate(parts.Count);
        return parts;
    }

    public static string Replace(string text, string old, string replacement, long limit)
    {
        if (limit < 0)
        {
            return old.Length == 0 ? InsertEverywhere(text, replacement, -1) : text.Replace(old, replacement, StringComparison.Ordinal);
        }

        if (old.Length == 0)
        {
            return InsertEverywhere(text, replacement, limit);
        }

        var builder = new StringBuilder();
        var start = 0;
        for (var n = 0; n < limit; n++)
        {
            var found = text.IndexOf(old, start, StringComparison.Ordinal);
            if (found < 0)
            {
                break;
            }

            builder.Append(text, start, found - start).Append(replacement);
            start = found + old.Length;
        }

        return builder.Append(text, start, text.Length - start).ToString();
    }

    /// <summary>Go inserts the replacement before every rune and at the end when old is empty.</summary>
    private static string InsertEverywhere(string text, string replacement, long limit)
    {
        var builder = new StringBuilder();
        long done = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (limit < 0 || done < limit)
            {
                builder.Append(replacement);
                done++;
            }

            builder.Append(rune.ToString());
        }

        if (limit < 0 || done < limit)
        {
            builder.Append(replacement);
        }

        return builder.ToString();
    }

    /// <summary>Go indexes strings by UTF-8 byte.</summary>
    public static long ByteIndex(string text, int charIndex) =>
        charIndex < 0 ? -1 : Encoding.UTF8.GetByteCount(text.AsSpan(0, charIndex));
}
