using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Tollgate.Shared.Expressions.Runtime;

/// <summary>
/// The <c>matches</c> operator with Go's RE2 syntax: constructs RE2 rejects (backreferences, lookarounds,
/// atomic groups, possessive quantifiers, repeat counts over 1000) are refused with Go's messages, the rest is
/// translated to .NET (ASCII \d \w \s, <c>$</c> as end of text, POSIX classes, \Q..\E, (?P&lt;name&gt;)) and run
/// with the non-backtracking engine and a match timeout.
/// </summary>
internal static class GoRegex
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private const int CacheLimit = 256;

    private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    private static readonly Dictionary<string, string> PosixClasses = new()
    {
        ["alpha"] = "a-zA-Z",
        ["digit"] = "0-9",
        ["alnum"] = "0-9A-Za-z",
        ["upper"] = "A-Z",
        ["lower"] = "a-z",
        ["space"] = "\\t\\n\\v\\f\\r ",
        ["blank"] = "\\t ",
        ["punct"] = "!-/:-@\\[-`{-~",
        ["xdigit"] = "0-9A-Fa-f",
        ["word"] = "0-9A-Za-z_",
        ["cntrl"] = "\\x00-\\x1F\\x7F",
        ["print"] = " -~",
        ["graph"] = "!-~",
        ["ascii"] = "\\x00-\\x7F",
    };

    public static bool IsMatch(string input, string pattern)
    {
        var regex = Compile(pattern);
        try
        {
            return regex.IsMatch(input);
        }
        catch (RegexMatchTimeoutException)
        {
            throw new EvaluationError($"regular expression {GoStrconv.Quote(pattern)} timed out after {MatchTimeout.TotalSeconds:0}s");
        }
    }

    /// <exception cref="EvaluationError">The pattern is not valid RE2 syntax.</exception>
    public static Regex Compile(string pattern)
    {
        if (Cache.TryGetValue(pattern, out var cached))
        {
            return cached;
        }

        var translated = Translate(pattern);
        Regex regex;
        try
        {
            regex = new Regex(translated, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (NotSupportedException)
        {
            regex = new Regex(translated, RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException exception)
        {
            throw new EvaluationError($"error parsing regexp: {exception.Message}");
        }

        if (Cache.Count >= CacheLimit)
        {
            Cache.Clear();
        }

        Cache[pattern] = regex;
        return regex;
    }

    private static EvaluationError Error(string what, string text) => new($"error parsing regexp: {what}: `{text}`");

    public static string Translate(string pattern)
    {
        var output = new StringBuilder(pattern.Length + 16);
        var multiline = Regex.IsMatch(pattern, @"\(\?[a-zA-Z]*m", RegexOptions.None, TimeSpan.FromSeconds(1));
        var depth = 0;
        var i = 0;
        var quantified = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            var isQuantifier = false;
            switch (c)
            {
                case '\\':
                    i = Escape(pattern, i, output, inClass: false);
                    quantified = 0;
                    continue;
                case '[':
                    i = CharacterClass(pattern, i, output);
                    quantified = 0;
                    continue;
                case '(':
                    depth++;
                    if (i + 1 < pattern.Length && pattern[i + 1] == '?')
                    {
                        i = Group(pattern, i, output);
                        if (pattern[i - 1] == ')')
                        {
                            depth--; // (?i) sets flags and closes itself
                        }

                        quantified = 0;
                        continue;
                    }

                    output.Append(c);
                    break;
                case ')':
                    if (--depth < 0)
                    {
                        throw Error("unexpected )", pattern);
                    }

                    output.Append(c);
                    break;
                case '*' or '+' or '?':
                    if (quantified == 1 && c == '?')
                    {
                        quantified = 2; // lazy modifier
                        output.Append(c);
                        i++;
                        continue;
                    }

                    if (quantified > 0)
                    {
                        throw Error("invalid nested repetition operator", pattern.Substring(i - 1, 2));
                    }

                    output.Append(c);
                    isQuantifier = true;
                    break;
                case '{':
                    var repeat = Regex.Match(pattern[i..], @"^\{(\d+)(,(\d*))?\}", RegexOptions.None, TimeSpan.FromSeconds(1));
                    if (repeat.Success)
                    {
                        if (quantified > 0)
                        {
                            throw Error("invalid nested repetition operator", repeat.Value);
                        }

                        foreach (var group in new[] { repeat.Groups[1], repeat.Groups[3] })
                        {
                            if (group.Success && group.Value.Length > 0 && (group.Value.Length > 4 || int.Parse(group.Value, CultureInfo.InvariantCulture) > 1000))
                            {
                                throw Error("invalid repeat count", repeat.Value);
                            }
                        }

                        output.Append(repeat.Value);
                        i += repeat.Length;
                        quantified = 1;
                        continue;
                    }

                    output.Append("\\{");
                    break;
                case '}':
                    output.Append("\\}");
                    break;
                case '$':
                    output.Append(multiline ? "$" : "\\z");
                    break;
                case '#' or ' ':
                    output.Append('\\').Append(c);
                    break;
                default:
                    output.Append(c);
                    break;
            }

            quantified = isQuantifier ? 1 : 0;
            i++;
        }

        if (depth > 0)
        {
            throw Error("missing closing )", pattern);
        }

        return output.ToString();
    }

    private static int Group(string pattern, int i, StringBuilder output)
    {
        var rest = pattern[i..];
        if (rest.StartsWith("(?P<", StringComparison.Ordinal) || (rest.StartsWith("(?<", StringComparison.Ordinal) && !rest.StartsWith("(?<=", StringComparison.Ordinal) && !rest.StartsWith("(?<!", StringComparison.Ordinal)))
        {
            var nameStart = i + (rest[2] == 'P' ? 4 : 3);
            var close = pattern.IndexOf('>', nameStart);
            var name = close < 0 ? "" : pattern[nameStart..close];
            if (name.Length == 0 || !name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_'))
            {
                throw Error("invalid named capture", close < 0 ? rest : pattern[i..(close + 1)]);
            }

            output.Append("(?<").Append(name).Append('>');
            return close + 1;
        }

        var flags = Regex.Match(rest, @"^\(\?(-?[imsU]+|[imsU]+-[imsU]*)(:|\))", RegexOptions.None, TimeSpan.FromSeconds(1));
        if (flags.Success)
        {
            if (flags.Groups[1].Value.Contains('U', StringComparison.Ordinal))
            {
                throw new EvaluationError("error parsing regexp: the ungreedy flag (?U) is not supported by Tollgate");
            }

            output.Append(flags.Value);
            return i + flags.Length;
        }

        if (rest.StartsWith("(?:", StringComparison.Ordinal))
        {
            output.Append("(?:");
            return i + 3;
        }

        throw Error("invalid or unsupported Perl syntax", rest[..Math.Min(3, rest.Length)]);
    }

    private static int CharacterClass(string pattern, int i, StringBuilder output)
    {
        output.Append('[');
        i++;
        if (i < pattern.Length && pattern[i] == '^')
        {
            output.Append('^');
            i++;
        }

        var first = true;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            if (c == ']' && !first)
            {
                output.Append(']');
                return i + 1;
            }

            first = false;
            if (c == '[' && i + 1 < pattern.Length && pattern[i + 1] == ':')
            {
                var close = pattern.IndexOf(":]", i + 2, StringComparison.Ordinal);
                var name = close < 0 ? "" : pattern[(i + 2)..close];
                if (!PosixClasses.TryGetValue(name, out var range))
                {
                    throw Error("invalid character class range", close < 0 ? pattern[i..] : pattern[i..(close + 2)]);
                }

                output.Append(range);
                i = close + 2;
            }
            else if (c == '\\')
            {
                i = Escape(pattern, i, output, inClass: true);
            }
            else if (c == '[')
            {
                output.Append("\\[");
                i++;
            }
            else
            {
                output.Append(c);
                i++;
            }
        }

        throw Error("missing closing ]", pattern[pattern.LastIndexOf('[')..]);
    }

    private static int Escape(string pattern, int i, StringBuilder output, bool inClass)
    {
        if (i + 1 >= pattern.Length)
        {
            throw Error("trailing backslash at end of expression", "");
        }

        var c = pattern[i + 1];
        switch (c)
        {
            case 'd':
                output.Append(inClass ? "0-9" : "[0-9]");
                return i + 2;
            case 'D':
                output.Append(inClass ? "\\D" : "[^0-9]");
                return i + 2;
            case 'w':
                output.Append(inClass ? "0-9A-Za-z_" : "[0-9A-Za-z_]");
                return i + 2;
            case 'W':
                output.Append(inClass ? "\\W" : "[^0-9A-Za-z_]");
                return i + 2;
            case 's':
                output.Append(inClass ? "\\t\\n\\f\\r " : "[\\t\\n\\f\\r ]");
                return i + 2;
            case 'S':
                output.Append(inClass ? "\\S" : "[^\\t\\n\\f\\r ]");
                return i + 2;
            case 'a' or 'f' or 't' or 'n' or 'r' or 'v':
                output.Append('\\').Append(c);
                return i + 2;
            case 'b' or 'B' or 'A' or 'z' when !inClass:
                output.Append('\\').Append(c);
                return i + 2;
            case 'p' or 'P':
                {
                    var end = i + 3;
                    if (i + 2 < pattern.Length && pattern[i + 2] == '{')
                    {
                        end = pattern.IndexOf('}', i + 2) + 1;
                        if (end <= 0)
                        {
                            throw Error("invalid character class range", pattern[i..]);
                        }
                    }

                    output.Append(pattern, i, end - i);
                    return end;
                }

            case 'x':
                {
                    if (i + 2 < pattern.Length && pattern[i + 2] == '{')
                    {
                        var close = pattern.IndexOf('}', i + 3);
                        if (close < 0 || !int.TryParse(pattern.AsSpan(i + 3, close - i - 3), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code) || code > 0x10FFFF)
                        {
                            throw Error("invalid escape sequence", pattern[i..Math.Min(pattern.Length, i + 4)]);
                        }

                        output.Append(Regex.Escape(char.ConvertFromUtf32(code)));
                        return close + 1;
                    }

                    if (i + 3 < pattern.Length && Uri.IsHexDigit(pattern[i + 2]) && Uri.IsHexDigit(pattern[i + 3]))
                    {
                        output.Append(pattern, i, 4);
                        return i + 4;
                    }

                    throw Error("invalid escape sequence", pattern[i..Math.Min(pattern.Length, i + 4)]);
                }

            case 'Q' when !inClass:
                {
                    var end = pattern.IndexOf("\\E", i + 2, StringComparison.Ordinal);
                    var literal = end < 0 ? pattern[(i + 2)..] : pattern[(i + 2)..end];
                    output.Append(Regex.Escape(literal).Replace("]", "\\]", StringComparison.Ordinal).Replace("}", "\\}", StringComparison.Ordinal));
                    return end < 0 ? pattern.Length : end + 2;
                }

            case >= '0' and <= '7' when c == '0' || (i + 2 < pattern.Length && char.IsAsciiDigit(pattern[i + 2]) && c != '8'):
                {
                    var end = i + 1;
                    while (end < pattern.Length && end < i + 4 && pattern[end] is >= '0' and <= '7')
                    {
                        end++;
                    }

                    var code = Convert.ToInt32(pattern[(i + 1)..end], 8);
                    output.Append("\\x").Append(code.ToString("X2", CultureInfo.InvariantCulture));
                    return end;
                }

            default:
                if (char.IsAsciiLetterOrDigit(c))
                {
                    throw Error("invalid escape sequence", $"\\{c}");
                }

                output.Append('\\').Append(c);
                return i + 2;
        }
    }
}
