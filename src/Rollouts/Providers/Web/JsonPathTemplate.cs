using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Tollgate.Rollouts.Providers.Web;

/// <summary>
/// A Kubernetes JSONPath template (k8s.io/client-go/util/jsonpath) over JSON as <see cref="JsonValues"/> reads it:
/// text outside braces is literal text, "$" and "@" are the current object, ".field", "['key']", "[i]", "[a:b:c]",
/// "[*]", ".*", "..field", unions "[a,b]" and filters "[?(@.x == 'y')]" — with its quirks: a missing key is an error,
/// a JSON number compared with an integer literal is "incompatible types". range/end are refused.
/// </summary>
public sealed partial class JsonPathTemplate
{
    private readonly List<Node> root;

    private JsonPathTemplate(List<Node> root) => this.root = root;

    /// <exception cref="FormatException">The template does not parse; the message says why.</exception>
    public static JsonPathTemplate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new JsonPathTemplate(new Parser(text).ParseTemplate());
    }

    /// <summary>client-go's FindResults: one list of values per top-level node.</summary>
    /// <exception cref="FormatException">A key is missing, an index is out of range, or a value has the wrong type.</exception>
    public IReadOnlyList<IReadOnlyList<object?>> FindResults(object? data)
    {
        List<object?> current = [data];
        return [.. root.Select(node => (IReadOnlyList<object?>)Walk(current, node))];
    }

    /// <summary>Argo's getValue: the first value of the first non-empty result list.</summary>
    /// <exception cref="FormatException">Nothing matched, or <see cref="FindResults"/> failed.</exception>
    public object? FirstValue(object? data) =>
        FindResults(data).FirstOrDefault(list => list.Count > 0) is { } found
            ? found[0]
            : throw new FormatException("result of web metric produced no value");

    private static List<object?> Walk(List<object?> input, Node node) => node switch
    {
        ListNode list => list.Nodes.Aggregate(input, Walk),
        TextNode text => [text.Text],
        FieldNode field => Field(input, field.Name),
        ArrayNode array => Slice(input, array),
        FilterNode filter => Filter(input, filter),
        LiteralNode literal => [.. input.Select(_ => literal.Value)],
        WildcardNode => [.. input.SelectMany(Children)],
        RecursiveNode => Recursive(input),
        UnionNode union => [.. union.Lists.SelectMany(list => Walk(input, list))],
        IdentifierNode identifier => throw new FormatException(identifier.Name is "range" or "end"
            ? $"jsonPath {identifier.Name} is not supported by Tollgate's web metric: the first value is the result, select it directly"
            : $"unrecognized identifier {identifier.Name}"),
        _ => throw new FormatException($"unexpected node {node}"),
    };

    private static List<object?> Field(List<object?> input, string name)
    {
        if (input.Count == 0)
        {
            return [];
        }

        List<object?> results = [];
        foreach (var value in input)
        {
            if (value is IReadOnlyDictionary<string, object?> map && map.TryGetValue(name, out var found))
            {
                results.Add(found);
            }
        }

        return results.Count > 0 ? results : throw new FormatException($"{name} is not found");
    }

    private static List<object?> Slice(List<object?> input, ArrayNode node)
    {
        List<object?> results = [];
        foreach (var value in input)
        {
            if (value is null)
            {
                continue;
            }

            if (value is not IReadOnlyList<object?> list)
            {
                throw new FormatException($"{JsonValues.GoTypeName(value)} is not array or slice");
            }

            var start = node.Start ?? 0;
            if (start < 0)
            {
                start += list.Count;
            }

            var end = node.End ?? list.Count;
            if (end < 0 || (end == 0 && node.EndDerived))
            {
                end += list.Count;
            }

            if (end == start)
            {
                return results;
            }

            if (start >= list.Count || start < 0)
            {
                throw new FormatException($"array index out of bounds: index {start}, length {list.Count}");
            }

            if (end > list.Count || end < 0)
            {
                throw new FormatException($"array index out of bounds: index {end - 1}, length {list.Count}");
            }

            if (start > end)
            {
                throw new FormatException($"starting index {start} is greater than ending index {end}");
            }

            var step = node.Step ?? 1;
            if (node.Step is <= 0)
            {
                throw new FormatException("step must be > 0");
            }

            for (var index = start; index < end; index += step)
            {
                results.Add(list[index]);
            }
        }

        return results;
    }

    private static IEnumerable<object?> Children(object? value) => value switch
    {
        IReadOnlyDictionary<string, object?> map => map.Values,
        IReadOnlyList<object?> list => list,
        string text => Encoding.UTF8.GetBytes(text).Select(b => (object?)(long)b),
        _ => [],
    };

    private static List<object?> Recursive(List<object?> input)
    {
        List<object?> results = [];
        foreach (var value in input)
        {
            var children = Children(value).ToList();
            if (children.Count > 0)
            {
                results.Add(value);
                results.AddRange(Recursive(children));
            }
        }

        return results;
    }

    private static List<object?> Filter(List<object?> input, FilterNode node)
    {
        List<object?> results = [];
        foreach (var value in input)
        {
            if (value is not IReadOnlyList<object?> list)
            {
                throw new FormatException($"{JsonValues.Marshal(value)} is not array or slice and cannot be filtered");
            }

            foreach (var item in list)
            {
                List<object?> element = [item];
                if (node.Operator == "exists")
                {
                    try
                    {
                        if (Walk(element, node.Left).Count > 0)
                        {
                            results.Add(item);
                        }
                    }
                    catch (FormatException)
                    {
                        // client-go ignores the error of an existence test: a missing key just does not match.
                    }

                    continue;
                }

                var lefts = Walk(element, node.Left);
                if (lefts.Count == 0)
                {
                    continue;
                }

                if (lefts.Count > 1)
                {
                    throw new FormatException("can only compare one element at a time");
                }

                var rights = Walk(element, node.Right);
                if (rights.Count == 0)
                {
                    continue;
                }

                if (rights.Count > 1)
                {
                    throw new FormatException("can only compare one element at a time");
                }

                if (Compare(lefts[0], node.Operator, rights[0]))
                {
                    results.Add(item);
                }
            }
        }

        return results;
    }

    /// <summary>The comparisons of Go's text/template as client-go forks them: both sides must be the same basic kind.</summary>
    private static bool Compare(object? left, string op, object? right)
    {
        if (op == "=~")
        {
            if (left is not string data || right is not string pattern)
            {
                throw new FormatException($"regexp search only support string now but getting pattern: {JsonValues.Marshal(right)}, data: {JsonValues.Marshal(left)}");
            }

            try
            {
                return Regex.IsMatch(data, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException exception)
            {
                throw new FormatException($"invalid regular expression {pattern}: {exception.Message}", exception);
            }
            catch (RegexMatchTimeoutException exception)
            {
                throw new FormatException($"regular expression {pattern} took too long", exception);
            }
        }

        var leftKind = Kind(left);
        var rightKind = Kind(right);
        if (leftKind != rightKind)
        {
            throw new FormatException("incompatible types for comparison");
        }

        if (op is "==" or "!=")
        {
            return (op == "==") == Equals(left, right);
        }

        if (leftKind == "bool")
        {
            throw new FormatException("invalid type for comparison");
        }

        var order = leftKind switch
        {
            "float" => ((double)left!).CompareTo((double)right!),
            "int" => ((long)left!).CompareTo((long)right!),
            _ => string.CompareOrdinal((string)left!, (string)right!),
        };
        return op switch
        {
            "<" => order < 0,
            ">" => order > 0,
            "<=" => order <= 0,
            ">=" => order >= 0,
            _ => throw new FormatException($"unrecognized filter operator {op}"),
        };
    }

    private static string Kind(object? value) => value switch
    {
        bool => "bool",
        double => "float",
        long => "int",
        string => "string",
        _ => throw new FormatException("invalid type for comparison"),
    };

    private abstract record Node;

    private sealed record ListNode(List<Node> Nodes) : Node;

    private sealed record TextNode(string Text) : Node;

    private sealed record FieldNode(string Name) : Node;

    private sealed record ArrayNode(int? Start, int? End, bool EndDerived, int? Step) : Node;

    private sealed record FilterNode(ListNode Left, ListNode Right, string Operator) : Node;

    private sealed record LiteralNode(object Value) : Node;

    private sealed record WildcardNode : Node;

    private sealed record RecursiveNode : Node;

    private sealed record UnionNode(List<ListNode> Lists) : Node;

    private sealed record IdentifierNode(string Name) : Node;

    /// <summary>A recursive-descent reading of client-go's grammar.</summary>
    private sealed class Parser(string input)
    {
        private int position;

        public List<Node> ParseTemplate()
        {
            List<Node> nodes = [];
            var start = 0;
            while (position < input.Length)
            {
                if (input[position] != '{')
                {
                    position++;
                    continue;
                }

                if (position > start)
                {
                    nodes.Add(new TextNode(input[start..position]));
                }

                position++;
                var action = new ListNode([]);
                ParseAction(action.Nodes);
                nodes.Add(action);
                start = position;
            }

            if (position > start)
            {
                nodes.Add(new TextNode(input[start..position]));
            }

            return nodes;
        }

        /// <summary>Parses one "{...}" body in isolation, as client-go does for union members and filter operands.</summary>
        public static ListNode ParseInner(string text)
        {
            var parser = new Parser("{" + text + "}") { position = 1 };
            var list = new ListNode([]);
            parser.ParseAction(list.Nodes);
            return list;
        }

        private void ParseAction(List<Node> nodes)
        {
            while (true)
            {
                var rest = input.AsSpan(position);
                if (rest.StartsWith("}"))
                {
                    position++;
                    return;
                }

                if (rest.StartsWith("[?("))
                {
                    nodes.Add(ParseFilter());
                    continue;
                }

                if (rest.StartsWith(".."))
                {
                    if (nodes.Count > 0 && nodes[^1] is RecursiveNode)
                    {
                        throw new FormatException("invalid multiple recursive descent");
                    }

                    position += 2;
                    nodes.Add(new RecursiveNode());
                    if (position < input.Length && IsAlphaNumeric(input[position]))
                    {
                        nodes.Add(ParseField());
                    }

                    continue;
                }

                if (position >= input.Length || input[position] is '\r' or '\n')
                {
                    throw new FormatException("unclosed action");
                }

                var c = input[position++];
                switch (c)
                {
                    case ' ' or '@' or '$':
                        break;
                    case '[':
                        nodes.AddRange(ParseArray());
                        break;
                    case '"' or '\'':
                        nodes.Add(ParseQuote(c));
                        break;
                    case '.':
                        nodes.Add(ParseField());
                        break;
                    case '+' or '-':
                    case var digit when char.IsDigit(digit):
                        position--;
                        nodes.Add(ParseNumber());
                        break;
                    case var letter when IsAlphaNumeric(letter):
                        position--;
                        nodes.Add(ParseIdentifier());
                        break;
                    default:
                        throw new FormatException($"unrecognized character in action: U+{(int)c:X4} '{c}'");
                }
            }
        }

        private Node ParseField()
        {
            var start = position;
            while (position < input.Length)
            {
                if (input[position] == '\\')
                {
                    position = Math.Min(position + 2, input.Length);
                    continue;
                }

                if (IsTerminator(input[position]))
                {
                    break;
                }

                position++;
            }

            var name = input[start..position];
            return name == "*" ? new WildcardNode() : new FieldNode(name.Replace("\\", "", StringComparison.Ordinal));
        }

        private Node ParseIdentifier()
        {
            var start = position;
            while (position < input.Length && !IsTerminator(input[position]))
            {
                position++;
            }

            var name = input[start..position];
            return name is "true" or "false" ? new LiteralNode(name == "true") : new IdentifierNode(name);
        }

        private Node ParseNumber()
        {
            var start = position;
            if (input[position] is '+' or '-')
            {
                position++;
            }

            while (position < input.Length && (input[position] == '.' || char.IsDigit(input[position])))
            {
                position++;
            }

            var text = input[start..position];
            if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            {
                return new LiteralNode((long)integer);
            }

            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real)
                ? new LiteralNode(real)
                : throw new FormatException($"cannot parse number {text}");
        }

        private IEnumerable<Node> ParseArray()
        {
            var start = position;
            while (position < input.Length && input[position] is not (']' or '\n'))
            {
                position++;
            }

            if (position >= input.Length || input[position] == '\n')
            {
                throw new FormatException("unterminated array");
            }

            var text = input[start..position];
            position++;
            if (text == "*")
            {
                text = ":";
            }

            var parts = text.Split(',');
            if (parts.Length > 1)
            {
                return [new UnionNode([.. parts.Select(part => ParseInner($"[{part.Trim(' ')}]"))])];
            }

            if (DictionaryKey().Match(text) is { Success: true } key)
            {
                return ParseInner("." + key.Groups[1].Value).Nodes;
            }

            var slice = SliceOperator().Match(text);
            if (!slice.Success)
            {
                throw new FormatException($"invalid array index {text}");
            }

            int? Number(string part) => int.TryParse(part, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
                ? n
                : throw new FormatException($"array index {part} is not a number");

            var first = slice.Groups[1].Value;
            var second = slice.Groups[2].Value;
            var third = slice.Groups[3].Value;
            int? startIndex = first.Length > 0 ? Number(first) : null;
            int? end;
            var derived = false;
            if (second.Length == 0)
            {
                end = (startIndex ?? 0) + 1;
                derived = true;
            }
            else
            {
                end = second.Length > 1 ? Number(second[1..]) : null;
            }

            int? step = third.Length > 1 ? Number(third[1..]) : null;
            return [new ArrayNode(startIndex, end, derived, step)];
        }

        private Node ParseFilter()
        {
            position += 3;
            var start = position;
            var begin = false;
            var end = false;
            var pair = '\0';
            while (true)
            {
                if (position >= input.Length || input[position] == '\n')
                {
                    throw new FormatException("unterminated filter");
                }

                var c = input[position++];
                if (c is '"' or '\'')
                {
                    if (!begin)
                    {
                        begin = true;
                        pair = c;
                        continue;
                    }

                    if (input[position - 2] != '\\' && c == pair)
                    {
                        end = true;
                    }
                }
                else if (c == ')' && begin == end)
                {
                    break;
                }
            }

            if (position >= input.Length || input[position++] != ']')
            {
                throw new FormatException("unclosed array expect ]");
            }

            var text = input[start..(position - 2)];
            var comparison = FilterComparison().Match(text);
            return comparison.Success
                ? new FilterNode(ParseInner(comparison.Groups[1].Value), ParseInner(comparison.Groups[3].Value), comparison.Groups[2].Value)
                : new FilterNode(ParseInner(text), new ListNode([]), "exists");
        }

        private Node ParseQuote(char quote)
        {
            var start = position - 1;
            while (true)
            {
                if (position >= input.Length || input[position] == '\n')
                {
                    throw new FormatException("unterminated quoted string");
                }

                var c = input[position++];
                if (c == quote && input[position - 2] != '\\')
                {
                    break;
                }
            }

            return new TextNode(Unquote(input[start..position]));
        }

        private static string Unquote(string quoted)
        {
            var body = quoted[1..^1];
            if (!body.Contains('\\', StringComparison.Ordinal))
            {
                return body;
            }

            var text = new StringBuilder();
            for (var index = 0; index < body.Length; index++)
            {
                if (body[index] != '\\' || index + 1 >= body.Length)
                {
                    text.Append(body[index]);
                    continue;
                }

                var escaped = body[++index];
                text.Append(escaped switch
                {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    _ => escaped,
                });
            }

            return text.ToString();
        }

        private static bool IsTerminator(char c) => c is ' ' or '\t' or '\r' or '\n' or '.' or ',' or '[' or ']' or '$' or '@' or '{' or '}';

        private static bool IsAlphaNumeric(char c) => c == '_' || char.IsLetterOrDigit(c);
    }

    [GeneratedRegex("^'([^']*)'$")]
    private static partial Regex DictionaryKey();

    [GeneratedRegex(@"^(-?\d*)(:-?\d*)?(:-?\d*)?$")]
    private static partial Regex SliceOperator();

    [GeneratedRegex("^([^!<>=]+)([!<>=~]+)(.+?)$")]
    private static partial Regex FilterComparison();
}
