namespace Tollgate.Webhooks.Policy;

internal readonly record struct GlobToken(GlobTokenKind Kind, char Literal = default, CharacterRange[]? Ranges = null, bool Negated = false)
{
    public static GlobToken Star { get; } = new(GlobTokenKind.Star);

    public static GlobToken SuperStar { get; } = new(GlobTokenKind.SuperStar);

    public static GlobToken AnyCharacter { get; } = new(GlobTokenKind.AnyCharacter);

    public bool IsStar => Kind is GlobTokenKind.Star or GlobTokenKind.SuperStar;

    public bool ClassAccepts(char value)
    {
        foreach (var range in Ranges!)
        {
            if (range.Contains(value))
            {
                return !Negated;
            }
        }

        return Negated;
    }
}
