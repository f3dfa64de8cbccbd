namespace Tollgate.Webhooks.Policy;

/// <summary>
/// Turns a glob into token sequences, one per alternative: <c>{a,b}</c> groups are expanded up front so that matching
/// never has to handle alternation.
/// </summary>
internal sealed class GlobParser(string pattern, GlobDialect dialect)
{
    /// <summary>A pattern expanding to more alternatives than this is rejected rather than compiled.</summary>
    public const int MaxAlternatives = 256;

    private int position;

    /// <summary>The alternatives, or null when the pattern is malformed (a malformed pattern matches nothing, as in Argo CD).</summary>
    public List<GlobToken[]>? Parse()
    {
        position = 0;
        var alternatives = ParseSequence(insideBraces: false);
        if (alternatives is null || position != pattern.Length)
        {
            return null;
        }

        return alternatives.ConvertAll(tokens => tokens.ToArray());
    }

    private List<List<GlobToken>>? ParseSequence(bool insideBraces)
    {
        List<List<GlobToken>> sequences = [[]];
        while (position < pattern.Length)
        {
            var current = pattern[position];
            if (insideBraces && current is ',' or '}')
            {
                return sequences;
            }

            switch (current)
            {
                case '\\':
                    if (position + 1 >= pattern.Length)
                    {
                        return null;
                    }

                    AppendToAll(sequences, new GlobToken(GlobTokenKind.Literal, pattern[position + 1]));
                    position += 2;
                    break;
                case '*':
                    position++;
                    if (dialect == GlobDialect.Extended && position < pattern.Length && pattern[position] == '*')
                    {
                        position++;
                        AppendToAll(sequences, GlobToken.SuperStar);
                    }
                    else
                    {
                        AppendToAll(sequences, GlobToken.Star);
                    }

                    break;
                case '?':
                    position++;
                    AppendToAll(sequences, GlobToken.AnyCharacter);
                    break;
                case '[':
                    position++;
                    var characterClass = dialect == GlobDialect.Extended ? ParseExtendedClass() : ParseFilePathClass();
                    if (characterClass is null)
                    {
                        return null;
                    }

                    AppendToAll(sequences, characterClass.Value);
                    break;
                case '{' when dialect == GlobDialect.Extended:
                    position++;
                    var alternatives = ParseAlternatives();
                    if (alternatives is null)
                    {
                        return null;
                    }

                    sequences = Combine(sequences, alternatives);
                    if (sequences.Count > MaxAlternatives)
                    {
                        return null;
                    }

                    break;
                default:
                    position++;
                    AppendToAll(sequences, new GlobToken(GlobTokenKind.Literal, current));
                    break;
            }
        }

        return insideBraces ? null : sequences;
    }

    private List<List<GlobToken>>? ParseAlternatives()
    {
        List<List<GlobToken>> alternatives = [];
        while (true)
        {
            var alternative = ParseSequence(insideBraces: true);
            if (alternative is null)
            {
                return null;
            }

            alternatives.AddRange(alternative);
            if (alternatives.Count > MaxAlternatives)
            {
                return null;
            }

            var terminator = pattern[position++];
            if (terminator == '}')
            {
                return alternatives;
            }
        }
    }

    /// <summary>gobwas: <c>[!</c>? then either a single <c>lo-hi</c> range or a list of characters, then <c>]</c>.</summary>
    private GlobToken? ParseExtendedClass()
    {
        var negated = false;
        if (position < pattern.Length && pattern[position] == '!')
        {
            negated = true;
            position++;
        }

        if (position + 2 < pattern.Length && pattern[position + 1] == '-')
        {
            var range = new CharacterRange(pattern[position], pattern[position + 2]);
            position += 3;
            if (position >= pattern.Length || pattern[position] != ']')
            {
                return null;
            }

            position++;
            return new GlobToken(GlobTokenKind.CharacterClass, Ranges: [range], Negated: negated);
        }

        List<CharacterRange> characters = [];
        while (position < pattern.Length && pattern[position] != ']')
        {
            if (pattern[position] == '\\')
            {
                position++;
                if (position >= pattern.Length)
                {
                    return null;
                }
            }

            characters.Add(new CharacterRange(pattern[position], pattern[position]));
            position++;
        }

        if (position >= pattern.Length || characters.Count == 0)
        {
            return null;
        }

        position++;
        return new GlobToken(GlobTokenKind.CharacterClass, Ranges: [.. characters], Negated: negated);
    }

    /// <summary>filepath.Match: <c>[^</c>? then one or more <c>c</c> or <c>lo-hi</c> items (each may be escaped), then <c>]</c>.</summary>
    private GlobToken? ParseFilePathClass()
    {
        var negated = false;
        if (position < pattern.Length && pattern[position] == '^')
        {
            negated = true;
            position++;
        }

        List<CharacterRange> ranges = [];
        while (true)
        {
            if (position < pattern.Length && pattern[position] == ']' && ranges.Count > 0)
            {
                position++;
                return new GlobToken(GlobTokenKind.CharacterClass, Ranges: [.. ranges], Negated: negated);
            }

            if (!TryReadClassCharacter(out var low))
            {
                return null;
            }

            var high = low;
            if (position < pattern.Length && pattern[position] == '-')
            {
                position++;
                if (!TryReadClassCharacter(out high))
                {
                    return null;
                }
            }

            ranges.Add(new CharacterRange(low, high));
        }
    }

    private bool TryReadClassCharacter(out char value)
    {
        value = default;
        if (position >= pattern.Length || pattern[position] is '-' or ']')
        {
            return false;
        }

        if (pattern[position] == '\\')
        {
            position++;
            if (position >= pattern.Length)
            {
                return false;
            }
        }

        value = pattern[position++];
        return true;
    }

    private static void AppendToAll(List<List<GlobToken>> sequences, GlobToken token)
    {
        foreach (var sequence in sequences)
        {
            sequence.Add(token);
        }
    }

    private static List<List<GlobToken>> Combine(List<List<GlobToken>> prefixes, List<List<GlobToken>> suffixes)
    {
        List<List<GlobToken>> combined = new(prefixes.Count * suffixes.Count);
        foreach (var prefix in prefixes)
        {
            foreach (var suffix in suffixes)
            {
                combined.Add([.. prefix, .. suffix]);
            }
        }

        return combined;
    }
}
