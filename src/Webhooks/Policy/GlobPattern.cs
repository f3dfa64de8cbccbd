namespace Tollgate.Webhooks.Policy;

/// <summary>
/// A glob compiled once and matched without allocating: each alternative is simulated as an NFA over its tokens, so a
/// match costs O(text × pattern) whatever the pattern (no backtracking blow-up on patterns such as <c>*a*a*a*b</c>).
/// Matching is ordinal and case-sensitive. A malformed pattern matches nothing.
/// </summary>
public sealed class GlobPattern : IValueMatcher
{
    private const int StackStateLimit = 256;

    private readonly GlobToken[][] alternatives;
    private readonly string?[] literalAlternatives;
    private readonly bool matchesEverything;
    private readonly int longestAlternative;

    private GlobPattern(string pattern, GlobDialect dialect, char? separator, List<GlobToken[]>? parsed)
    {
        Pattern = pattern;
        Dialect = dialect;
        Separator = separator;
        IsValid = parsed is not null;
        alternatives = parsed?.ToArray() ?? [];
        literalAlternatives = Array.ConvertAll(alternatives, AsLiteral);
        matchesEverything = Array.Exists(alternatives, tokens => IsUnboundedStar(tokens, separator));
        longestAlternative = alternatives.Length == 0 ? 0 : alternatives.Max(tokens => tokens.Length);
    }

    public string Pattern { get; }

    public GlobDialect Dialect { get; }

    /// <summary>The character <c>*</c> and <c>?</c> do not cross; null when they cross everything.</summary>
    public char? Separator { get; }

    public bool IsValid { get; }

    public static GlobPattern Compile(string pattern, GlobDialect dialect = GlobDialect.Extended, char? separator = null)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return new GlobPattern(pattern, dialect, separator, new GlobParser(pattern, dialect).Parse());
    }

    public bool IsMatch(string? value) => IsMatch((value ?? "").AsSpan());

    public bool IsMatch(ReadOnlySpan<char> value)
    {
        if (matchesEverything)
        {
            return true;
        }

        for (var index = 0; index < literalAlternatives.Length; index++)
        {
            if (literalAlternatives[index] is { } literal && value.SequenceEqual(literal))
            {
                return true;
            }
        }

        var stateCount = longestAlternative + 1;
        Span<bool> current = stateCount <= StackStateLimit ? stackalloc bool[stateCount] : new bool[stateCount];
        Span<bool> next = stateCount <= StackStateLimit ? stackalloc bool[stateCount] : new bool[stateCount];
        for (var index = 0; index < alternatives.Length; index++)
        {
            if (literalAlternatives[index] is null && Simulate(alternatives[index], value, current, next))
            {
                return true;
            }
        }

        return false;
    }

    public override string ToString() => Pattern;

    private bool Simulate(GlobToken[] tokens, ReadOnlySpan<char> value, Span<bool> current, Span<bool> next)
    {
        var count = tokens.Length;
        current = current[..(count + 1)];
        next = next[..(count + 1)];
        current.Clear();
        current[0] = true;
        FollowStars(tokens, current);

        foreach (var character in value)
        {
            next.Clear();
            var alive = false;
            var isSeparator = character == Separator;
            for (var state = 0; state < count; state++)
            {
                if (!current[state])
                {
                    continue;
                }

                var token = tokens[state];
                var (advances, stays) = token.Kind switch
                {
                    GlobTokenKind.Literal => (character == token.Literal, false),
                    GlobTokenKind.AnyCharacter => (!isSeparator, false),
                    GlobTokenKind.CharacterClass => (token.ClassAccepts(character), false),
                    GlobTokenKind.Star => (false, !isSeparator),
                    _ => (false, true),
                };
                if (advances)
                {
                    next[state + 1] = true;
                    alive = true;
                }

                if (stays)
                {
                    next[state] = true;
                    alive = true;
                }
            }

            if (!alive)
            {
                return false;
            }

            FollowStars(tokens, next);
            var swap = current;
            current = next;
            next = swap;
        }

        return current[count];
    }

    /// <summary>A star may match the empty string, so being before it also means being after it.</summary>
    private static void FollowStars(GlobToken[] tokens, Span<bool> states)
    {
        for (var state = 0; state < tokens.Length; state++)
        {
            if (states[state] && tokens[state].IsStar)
            {
                states[state + 1] = true;
            }
        }
    }

    private static string? AsLiteral(GlobToken[] tokens) =>
        Array.TrueForAll(tokens, token => token.Kind == GlobTokenKind.Literal)
            ? new string(Array.ConvertAll(tokens, token => token.Literal))
            : null;

    private static bool IsUnboundedStar(GlobToken[] tokens, char? separator) =>
        tokens.Length == 1 && (tokens[0].Kind == GlobTokenKind.SuperStar || (tokens[0].Kind == GlobTokenKind.Star && separator is null));
}
