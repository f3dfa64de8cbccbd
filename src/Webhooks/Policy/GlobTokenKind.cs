namespace Tollgate.Webhooks.Policy;

internal enum GlobTokenKind
{
    Literal,

    /// <summary><c>?</c>: one character other than the separator.</summary>
    AnyCharacter,

    /// <summary><c>[...]</c>: one character in (or, negated, not in) the ranges; the separator is not special here.</summary>
    CharacterClass,

    /// <summary><c>*</c>: any run of characters other than the separator.</summary>
    Star,

    /// <summary><c>**</c>: any run of characters, separators included.</summary>
    SuperStar,
}
