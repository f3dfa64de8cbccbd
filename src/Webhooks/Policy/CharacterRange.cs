namespace Tollgate.Webhooks.Policy;

internal readonly record struct CharacterRange(char First, char Last)
{
    public bool Contains(char value) => value >= First && value <= Last;
}
