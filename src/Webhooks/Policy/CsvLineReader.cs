using System.Text;

namespace Tollgate.Webhooks.Policy;

/// <summary>
/// Splits one policy line the way Argo CD does (Go's encoding/csv with leading spaces trimmed), so a field may be quoted
/// to contain commas: <c>g, "my-org:team, a", role:admin</c>. Fields are also trimmed at the end.
/// </summary>
internal static class CsvLineReader
{
    public static bool TryRead(string line, out List<string> fields, out string? error)
    {
        fields = [];
        error = null;
        var position = 0;
        while (true)
        {
            while (position < line.Length && char.IsWhiteSpace(line[position]))
            {
                position++;
            }

            if (position < line.Length && line[position] == '"')
            {
                if (!TryReadQuoted(line, ref position, out var quoted))
                {
                    error = "extraneous or missing \" in quoted field";
                    return false;
                }

                fields.Add(quoted);
            }
            else
            {
                var end = line.IndexOf(',', position);
                var field = end < 0 ? line[position..] : line[position..end];
                if (field.Contains('"', StringComparison.Ordinal))
                {
                    error = "bare \" in unquoted field";
                    return false;
                }

                fields.Add(field.TrimEnd());
                position = end < 0 ? line.Length : end;
            }

            if (position >= line.Length)
            {
                return true;
            }

            position++; // the comma
        }
    }

    private static bool TryReadQuoted(string line, ref int position, out string value)
    {
        var builder = new StringBuilder();
        position++;
        while (position < line.Length)
        {
            var character = line[position++];
            if (character != '"')
            {
                builder.Append(character);
                continue;
            }

            if (position < line.Length && line[position] == '"')
            {
                builder.Append('"');
                position++;
                continue;
            }

            value = builder.ToString();
            return position >= line.Length || line[position] == ',';
        }

        value = "";
        return false;
    }
}
