using System.Globalization;
using System.Text;

namespace Tollgate.Shared.Expressions.Syntax;

/// <summary>Splits an expr-lang source into tokens, as expr's lexer does (same token kinds and errors).</summary>
internal static class Lexer
{
    private static readonly HashSet<string> WordOperators = ["in", "or", "and", "matches", "contains", "startsWith", "endsWith", "let", "if", "else"];
    private static readonly HashSet<string> NegatableWords = ["in", "matches", "contains", "startsWith", "endsWith"];

    public static List<Token> Tokenize(string source)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (true)
        {
            if (i >= source.Length)
            {
                tokens.Add(new Token(TokenKind.EOF, "", source.Length));
                return tokens;
            }

            var c = source[i];
            var start = i;
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '\'' or '"')
            {
                i = ScanString(source, i, out var value);
                tokens.Add(new Token(TokenKind.String, value, start));
            }
            else if (c == '`')
            {
                var end = source.IndexOf('`', i + 1);
                if (end < 0)
                {
                    throw new SyntaxError("literal not terminated", source.Length - 1);
                }

                tokens.Add(new Token(TokenKind.String, source[(i + 1)..end].Replace("\r\n", "\n", StringComparison.Ordinal), start));
                i = end + 1;
            }
            else if (c is 'b' or 'B' && i + 1 < source.Length && source[i + 1] is '\'' or '"')
            {
                i = ScanString(source, i + 1, out var value);
                tokens.Add(new Token(TokenKind.Bytes, value, start));
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < source.Length && char.IsAsciiDigit(source[i + 1])))
            {
                i = ScanNumber(source, i);
                tokens.Add(new Token(TokenKind.Number, source[start..i], start));
            }
            else if (c == '?')
            {
                i++;
                if (i < source.Length && source[i] is '.' or '?')
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Operator, source[start..i], start));
            }
            else if (c == '/' && i + 1 < source.Length && source[i + 1] == '/')
            {
                var end = source.IndexOf('\n', i);
                i = end < 0 ? source.Length : end + 1;
            }
            else if (c == '/' && i + 1 < source.Length && source[i + 1] == '*')
            {
                var end = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw new SyntaxError("unclosed comment", source.Length - 1);
                }

                i = end + 2;
            }
            else if (c == '#')
            {
                i++;
                if (i < source.Length && source[i] == '#')
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Operator, source[start..i], start));
                var nameStart = i;
                while (i < source.Length && IsAlphaNumeric(source[i]))
                {
                    i++;
                }

                if (i > nameStart)
                {
                    tokens.Add(new Token(TokenKind.Identifier, source[nameStart..i], nameStart));
                }
            }
            else if (c is '|' or ':')
            {
                i++;
                if (i < source.Length && source[i] == c)
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Operator, source[start..i], start));
            }
            else if (c is '(' or '[' or '{' or ')' or ']' or '}')
            {
                i++;
                tokens.Add(new Token(TokenKind.Bracket, c.ToString(), start));
            }
            else if (c is ',' or ';' or '%' or '+' or '-' or '^' or '/')
            {
                i++;
                tokens.Add(new Token(TokenKind.Operator, c.ToString(), start));
            }
            else if (c is '&' or '!' or '=' or '*' or '<' or '>')
            {
                i++;
                if (i < source.Length && source[i] is '&' or '=' or '*')
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Operator, source[start..i], start));
            }
            else if (c == '.')
            {
                i++;
                if (i < source.Length && source[i] == '.')
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Operator, source[start..i], start));
            }
            else if (IsAlphaNumeric(c))
            {
                while (i < source.Length && IsAlphaNumeric(source[i]))
                {
                    i++;
                }

                var word = source[start..i];
                if (word == "not")
                {
                    tokens.Add(new Token(TokenKind.Operator, word, start));
                    var next = i;
                    while (next < source.Length && source[next] == ' ')
                    {
                        next++;
                    }

                    var nextEnd = next;
                    while (nextEnd < source.Length && IsAlphaNumeric(source[nextEnd]))
                    {
                        nextEnd++;
                    }

                    if (NegatableWords.Contains(source[next..nextEnd]))
                    {
                        tokens.Add(new Token(TokenKind.Operator, source[next..nextEnd], next));
                        i = nextEnd;
                    }
                }
                else
                {
                    tokens.Add(new Token(WordOperators.Contains(word) ? TokenKind.Operator : TokenKind.Identifier, word, start));
                }
            }
            else
            {
                var rune = Rune.GetRuneAt(source, i);
                throw new SyntaxError($"unrecognized character: U+{rune.Value:X4} '{rune}'", i);
            }
        }
    }

    public static bool IsAlphaNumeric(char c) => c is '_' or '$' || char.IsLetterOrDigit(c);

    public static bool IsValidIdentifier(string word) =>
        word.Length > 0 && (word[0] is '_' or '$' || char.IsLetter(word[0])) && word.All(IsAlphaNumeric);

    private static int ScanNumber(string source, int i)
    {
        var digits = "0123456789_";
        if (source[i] == '0' && i + 1 < source.Length)
        {
            switch (source[i + 1])
            {
                case 'x' or 'X':
                    digits = "0123456789abcdefABCDEF_";
                    i += 2;
                    break;
                case 'o' or 'O':
                    digits = "01234567_";
                    i += 2;
                    break;
                case 'b' or 'B':
                    digits = "01_";
                    i += 2;
                    break;
            }
        }

        i = AcceptRun(source, i, digits);
        if (i < source.Length && source[i] == '.')
        {
            if (i + 1 < source.Length && source[i + 1] == '.')
            {
                return i; // 1..2 is a range
            }

            i = AcceptRun(source, i + 1, digits);
        }

        if (i < source.Length && source[i] is 'e' or 'E')
        {
            i++;
            if (i < source.Length && source[i] is '+' or '-')
            {
                i++;
            }

            i = AcceptRun(source, i, digits);
        }

        if (i < source.Length && IsAlphaNumeric(source[i]))
        {
            throw new SyntaxError($"bad number syntax: \"{NumberWordBefore(source, i)}{source[i]}\"", i);
        }

        return i;
    }

    private static string NumberWordBefore(string source, int end)
    {
        var start = end;
        while (start > 0 && (IsAlphaNumeric(source[start - 1]) || source[start - 1] == '.' ||
            (source[start - 1] is '+' or '-' && start >= 2 && source[start - 2] is 'e' or 'E')))
        {
            start--;
        }

        return source[start..end];
    }

    private static int AcceptRun(string source, int i, string valid)
    {
        while (i < source.Length && valid.Contains(source[i], StringComparison.Ordinal))
        {
            i++;
        }

        return i;
    }

    /// <summary>Scans a quoted string starting at the quote; returns the index after the closing quote.</summary>
    private static int ScanString(string source, int i, out string value)
    {
        var quote = source[i];
        var builder = new StringBuilder();
        i++;
        while (true)
        {
            if (i >= source.Length || source[i] == '\n')
            {
                throw new SyntaxError("literal not terminated", Math.Min(i, source.Length) - (i >= source.Length ? 1 : 0));
            }

            var c = source[i];
            if (c == quote)
            {
                value = builder.ToString();
                return i + 1;
            }

            if (c != '\\')
            {
                builder.Append(c == '\r' ? '\n' : c);
                if (c == '\r' && i + 1 < source.Length && source[i + 1] == '\n')
                {
                    i++;
                }

                i++;
                continue;
            }

            if (i + 1 >= source.Length)
            {
                throw new SyntaxError("literal not terminated", source.Length - 1);
            }

            var escape = source[i + 1];
            i += 2;
            switch (escape)
            {
                case 'a': builder.Append('\a'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'v': builder.Append('\v'); break;
                case '\\': builder.Append('\\'); break;
                case '\'': builder.Append('\''); break;
                case '"': builder.Append('"'); break;
                case '`': builder.Append('`'); break;
                case '?': builder.Append('?'); break;
                case >= '0' and <= '3':
                    builder.Append((char)ReadDigits(source, ref i, 2, 8, escape - '0'));
                    break;
                case 'x':
                    builder.Append((char)ReadDigits(source, ref i, 2, 16, 0));
                    break;
                case 'u' when i < source.Length && source[i] == '{':
                    {
                        var close = source.IndexOf('}', i);
                        if (close < 0 || close - i - 1 is < 1 or > 6 || !int.TryParse(source.AsSpan(i + 1, close - i - 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code) || !Rune.IsValid(code))
                        {
                            throw new SyntaxError("invalid char escape", i);
                        }

                        builder.Append(new Rune(code).ToString());
                        i = close + 1;
                        break;
                    }

                case 'u':
                    builder.Append(RuneText(ReadDigits(source, ref i, 4, 16, 0), i));
                    break;
                case 'U':
                    builder.Append(RuneText(ReadDigits(source, ref i, 8, 16, 0), i));
                    break;
                default:
                    throw new SyntaxError("invalid char escape", i - 1);
            }
        }
    }

    private static string RuneText(int code, int position) =>
        Rune.IsValid(code) ? new Rune(code).ToString() : throw new SyntaxError("invalid char escape", position);

    private static int ReadDigits(string source, ref int i, int count, int radix, int seed)
    {
        var value = seed;
        for (var n = 0; n < count; n++)
        {
            var digit = i < source.Length ? HexValue(source[i]) : 99;
            if (digit >= radix)
            {
                throw new SyntaxError("invalid char escape", Math.Min(i, source.Length - 1));
            }

            value = (value * radix) + digit;
            i++;
        }

        return value;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => 99,
    };
}
