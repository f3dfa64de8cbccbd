namespace Tollgate.Shared.Durations;

/// <summary>A user's value quoted into a message, cut short so a hostile megabyte never travels back in a response.</summary>
public static class Quoted
{
    public const int MaxLength = 64;

    public static string Value(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= MaxLength ? $"\"{text}\"" : $"\"{text[..MaxLength]}…\" ({text.Length} characters)";
    }
}
