using System.Globalization;
using Tollgate.Rollouts.Analysis;

namespace Tollgate.Rollouts.Providers.Prometheus;

/// <summary>
/// Evaluates rangeQuery.start and .end as Argo does with expr: the expression must give a time. Supported: now(),
/// duration("1h30m"), date("2026-01-02T15:04:05Z"), + and - between times and durations, and parentheses — the forms
/// Argo documents, such as now() - duration("5m").
/// </summary>
public static class RangeQueryTime
{
    /// <exception cref="FormatException">The expression does not parse or does not give a time.</exception>
    public static DateTimeOffset Evaluate(string expression, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var reader = new Reader(expression, now);
        var value = reader.Sum();
        reader.SkipSpaces();
        if (!reader.AtEnd)
        {
            throw new FormatException($"unexpected \"{expression[reader.Position..]}\" at position {reader.Position} in \"{expression}\"");
        }

        return value switch
        {
            DateTimeOffset time => time,
            TimeSpan => throw new FormatException($"expected time.Time, but got time.Duration from \"{expression}\""),
            _ => throw new FormatException($"expected time.Time from \"{expression}\""),
        };
    }

    private sealed class Reader(string text, DateTimeOffset now)
    {
        public int Position { get; private set; }

        public bool AtEnd => Position >= text.Length;

        public object Sum()
        {
            var left = Operand();
            while (true)
            {
                SkipSpaces();
                if (AtEnd || text[Position] is not ('+' or '-'))
                {
                    return left;
                }

                var op = text[Position++];
                var right = Operand();
                left = (left, op, right) switch
                {
                    (DateTimeOffset t, '+', TimeSpan d) => t + d,
                    (TimeSpan d, '+', DateTimeOffset t) => t + d,
                    (DateTimeOffset t, '-', TimeSpan d) => t - d,
                    (DateTimeOffset a, '-', DateTimeOffset b) => a - b,
                    (TimeSpan a, '+', TimeSpan b) => a + b,
                    (TimeSpan a, '-', TimeSpan b) => a - b,
                    _ => throw new FormatException($"invalid operation: {TypeName(left)} {op} {TypeName(right)} in \"{text}\""),
                };
            }
        }

        public void SkipSpaces()
        {
            while (!AtEnd && char.IsWhiteSpace(text[Position]))
            {
                Position++;
            }
        }

        private object Operand()
        {
            SkipSpaces();
            if (!AtEnd && text[Position] == '(')
            {
                Position++;
                var inner = Sum();
                Expect(')');
                return inner;
            }

            var start = Position;
            while (!AtEnd && char.IsAsciiLetter(text[Position]))
            {
                Position++;
            }

            var name = text[start..Position];
            if (name.Length == 0)
            {
                throw new FormatException($"expected now(), duration(\"...\") or date(\"...\") at position {start} in \"{text}\"");
            }

            Expect('(');
            SkipSpaces();
            string? argument = null;
            if (!AtEnd && text[Position] is '"' or '\'')
            {
                argument = Quoted();
            }

            Expect(')');
            return (name, argument) switch
            {
                ("now", null) => now,
                ("duration", { } d) => Duration(d),
                ("date", { } d) => DateTimeOffset.TryParse(d, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
                    ? date
                    : throw new FormatException($"cannot parse date \"{d}\""),
                _ => throw new FormatException($"{name}() is not supported in a rangeQuery time; use now(), duration(\"...\") or date(\"...\")"),
            };
        }

        private string Quoted()
        {
            var quote = text[Position++];
            var start = Position;
            while (!AtEnd && text[Position] != quote)
            {
                Position++;
            }

            if (AtEnd)
            {
                throw new FormatException($"unterminated string in \"{text}\"");
            }

            return text[start..Position++];
        }

        private void Expect(char c)
        {
            SkipSpaces();
            if (AtEnd || text[Position] != c)
            {
                throw new FormatException($"expected '{c}' at position {Position} in \"{text}\"");
            }

            Position++;
        }

        private static TimeSpan Duration(string text)
        {
            var negative = text.StartsWith('-');
            var unsigned = text.TrimStart('-', '+');
            var duration = AnalysisDuration.Parse(unsigned);
            return negative ? -duration : duration;
        }

        private static string TypeName(object value) => value is TimeSpan ? "time.Duration" : "time.Time";
    }
}
