using System.Globalization;
using System.Text;

namespace Tollgate.Shared.Expressions.Syntax;

/// <summary>Splits a condition into tokens; keywords and/or/not are operators, as in expr-lang.</summary>
internal sealed class Tokenizer(string source)
{
    private static readonly string[] TwoCharacterOperators = ["**", "==", "!=", "<=", ">=", "&&", "||"];
    private const string SingleCharacterOperators = "+-*/%^<>!()[]{},#";

    private int position;

    public static IReadOnlyList<Token> Tokenize(string source) => new Tokenizer(source).ReadAll();

    private List<Token> ReadAll()
    {
        var tokens = new List<Token>();
        while (true)
        {
            SkipWhitespace();
            if (position >= source.Length)
            {
                tokens.Add(new Token(TokenKind.End, string.Empty, null, position));
                return tokens;
            }

            tokens.Add(ReadToken());
        }
    }

    private void SkipWhitespace()
    {
        while (position < source.Length && char.IsWhiteSpace(source[position]))
        {
            position++;
        }
    }

    private Token ReadToken()
    {
        var current = source[position];
        if (char.IsAsciiDigit(current) || (current == '.' && char.IsAsciiDigit(Peek(1))))
        {
            return ReadNumber();
        }

        if (current is '"' or '\'')
        {
            return ReadString(current);
        }

        if (char.IsAsciiLetter(current) || current == '_')
        {
            return ReadIdentifier();
        }

        return ReadOperator(current);
    }

    private Token ReadNumber()
    {
        var start = position;
        var isFloat = false;
        SkipDigits();
        if (Peek(0) == '.')
        {
            isFloat = true;
            position++;
            SkipDigits();
        }

        if (Peek(0) is 'e' or 'E')
        {
            isFloat = true;
            position++;
            if (Peek(0) is '+' or '-')
            {
                position++;
            }

            if (!char.IsAsciiDigit(Peek(0)))
            {
                throw Error($"bad number syntax '{source[start..position]}': exponent has no digits", start);
            }

            SkipDigits();
        }

        if (char.IsAsciiLetterOrDigit(Peek(0)) || Peek(0) is '_' or '.')
        {
            position++;
            throw Error($"bad number syntax '{source[start..position]}'", start);
        }

        var text = source[start..position];
        var digits = text.Replace("_", string.Empty, StringComparison.Ordinal);
        if (isFloat)
        {
            return new Token(TokenKind.Number, text, double.Parse(digits, NumberStyles.Float, CultureInfo.InvariantCulture), start);
        }

        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var integer))
        {
            throw Error($"integer literal {text} is out of range", start);
        }

        return new Token(TokenKind.Number, text, integer, start);
    }

    private void SkipDigits()
    {
        while (char.IsAsciiDigit(Peek(0)) || (Peek(0) == '_' && char.IsAsciiDigit(Peek(1))))
        {
            position++;
        }
    }

    private Token ReadString(char quote)
    {
        var start = position;
        position++;
        var text = new StringBuilder();
        while (true)
        {
            if (position >= source.Length)
            {
                throw Error("string literal not terminated", start);
            }

            var current = source[position++];
            if (current == quote)
            {
                return new Token(TokenKind.String, source[start..position], text.ToString(), start);
            }

            text.Append(current == '\\' ? ReadEscape(start) : current);
        }
    }

    private char ReadEscape(int literalStart)
    {
        if (position >= source.Length)
        {
            throw Error("string literal not terminated", literalStart);
        }

        var escapeStart = position - 1;
        var escaped = source[position++];
        switch (escaped)
        {
            case 'n': return '\n';
            case 't': return '\t';
            case 'r': return '\r';
            case '\\' or '\'' or '"': return escaped;
            case 'u' when position + 4 <= source.Length
                && ushort.TryParse(source.AsSpan(position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                position += 4;
                return (char)code;
            default:
                throw Error($"invalid escape sequence '\\{escaped}' in string literal", escapeStart);
        }
    }

    private Token ReadIdentifier()
    {
        var start = position;
        while (char.IsAsciiLetterOrDigit(Peek(0)) || Peek(0) == '_')
        {
            position++;
        }

        var text = source[start..position];
        var kind = text is "and" or "or" or "not" ? TokenKind.Operator : TokenKind.Identifier;
        return new Token(kind, text, null, start);
    }

    private Token ReadOperator(char current)
    {
        var start = position;
        if (position + 1 < source.Length)
        {
            var pair = source.Substring(position, 2);
            if (TwoCharacterOperators.Contains(pair))
            {
                position += 2;
                return new Token(TokenKind.Operator, pair, null, start);
            }
        }

        if (SingleCharacterOperators.Contains(current, StringComparison.Ordinal))
        {
            position++;
            return new Token(TokenKind.Operator, current.ToString(), null, start);
        }

        throw current switch
        {
            '=' => Error("unexpected '=' (use '==' to compare)", start),
            '.' => Error("member access with '.' is not supported", start),
            _ => Error($"unrecognized character '{current}'", start),
        };
    }

    private char Peek(int offset) => position + offset < source.Length ? source[position + offset] : '\0';

    private static ExpressionException Error(string problem, int position) => new(problem, position + 1);
}
