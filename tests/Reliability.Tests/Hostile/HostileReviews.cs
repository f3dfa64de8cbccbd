using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;

namespace Tollgate.Reliability.Tests.Hostile;

/// <summary>
/// Seeded generator of what a hostile client sends to the admission endpoints: each request is a valid review broken
/// one way (wrong type or removal at any path, 1 MB strings, 10,000-deep nesting, NUL and invalid UTF-8, truncation),
/// or something that is not a review at all (random bytes, wrong Content-Type, a gzip bomb).
/// </summary>
public sealed class HostileReviews(ValidReviews seeds, int seed)
{
    public const int HugeStringLength = 1024 * 1024;
    public const int DeepNesting = 10_000;

    public static IReadOnlyList<string> Paths { get; } = ["/validate/guard", "/validate/applications", "/validate/rollouts", "/admission/noop"];

    public static IReadOnlyList<string> Categories { get; } =
    [
        "random-bytes", "truncated-json", "wrong-type", "missing-field", "missing-uid", "huge-string", "deep-nesting",
        "nul-and-invalid-utf8", "wrong-content-type", "gzip-bomb", "absurd-numbers", "unknown-fields",
    ];

    private static readonly Lazy<byte[]> GzipBomb = new(() =>
    {
        // 64 MiB of zeros in about 64 KiB: a server that inflated request bodies would hold them all.
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 64; i++)
            {
                gzip.Write(zeros);
            }
        }

        return output.ToArray();
    });

    private readonly Random random = new(seed);
    private int sequence;

    public HostileRequest Next()
    {
        var category = Categories[random.Next(Categories.Count)];
        return Make(category);
    }

    public HostileRequest Make(string category)
    {
        var uid = $"hostile-{seed}-{sequence++}";
        var (path, review) = Seed(uid);
        switch (category)
        {
            case "random-bytes":
                var bytes = new byte[random.Next(0, 4096)];
                random.NextBytes(bytes);
                return new(category, path, bytes, "application/json", null, null);
            case "truncated-json":
                var whole = Encoding.UTF8.GetBytes(review.ToJsonString());
                return new(category, path, whole[..random.Next(0, whole.Length)], "application/json", null, null);
            case "wrong-type":
                var target = RandomNode(review, includeRoot: false);
                Replace(target, WrongValue(target));
                return Json(category, path, review);
            case "missing-field":
                Remove(RandomNode(review, includeRoot: false));
                return Json(category, path, review);
            case "missing-uid":
                var request = review["request"]!.AsObject();
                _ = random.Next(3) switch
                {
                    0 => request.Remove("uid"),
                    1 => Set(request, "uid", ""),
                    _ => Set(request, "uid", null),
                };
                return Json(category, path, review);
            case "huge-string":
                var huge = new string((char)('a' + random.Next(26)), HugeStringLength);
                var field = random.Next(8) switch
                {
                    0 => "operation",
                    1 => "name",
                    2 => "namespace",
                    3 => "uid",
                    _ => null,
                };
                if (field is not null)
                {
                    review["request"]![field] = huge;
                }
                else
                {
                    Replace(RandomNode(review, includeRoot: false), JsonValue.Create(huge));
                }

                return Json(category, path, review);
            case "deep-nesting":
                var text = review.ToJsonString();
                var deep = random.Next(2) == 0
                    ? new string('[', DeepNesting) + new string(']', DeepNesting)
                    : string.Concat(Enumerable.Repeat("{\"a\":", DeepNesting)) + "1" + new string('}', DeepNesting);
                var at = random.Next(2) == 0 ? "\"object\":" : "\"userInfo\":";
                var index = text.IndexOf(at, StringComparison.Ordinal);
                text = index < 0 ? deep : text[..(index + at.Length)] + deep + ",\"original\":" + text[(index + at.Length)..];
                return new(category, path, Encoding.UTF8.GetBytes(text), "application/json", null, null);
            case "nul-and-invalid-utf8":
                return BadText(category, path, review);
            case "wrong-content-type":
                string?[] types = [null, "text/plain", "application/x-www-form-urlencoded", "application/xml", "multipart/form-data; boundary=x", "]]]", "application/json; charset=utf-16"];
                var type = types[random.Next(types.Length)];
                var body = type == "application/json; charset=utf-16" ? Encoding.Unicode.GetBytes(review.ToJsonString()) : Encoding.UTF8.GetBytes(review.ToJsonString());
                return new(category, path, body, type, null, null);
            case "gzip-bomb":
                return new(category, path, GzipBomb.Value, "application/json", "gzip", null);
            case "absurd-numbers":
                string[] numbers = ["1e999", "-1e999", "123456789012345678901234567890", "-0", "2147483648", "-2147483649", "9223372036854775808", "0.000000000000000000001", "-1", "101"];
                var numeric = RandomNode(review, includeRoot: false);
                var marker = $"\"@@{sequence}@@\"";
                Replace(numeric, JsonValue.Create($"@@{sequence}@@"));
                var withNumber = review.ToJsonString().Replace(marker, numbers[random.Next(numbers.Length)], StringComparison.Ordinal);
                return new(category, path, Encoding.UTF8.GetBytes(withNumber), "application/json", null, StringUid(review));
            default:
                var host = RandomObject(review);
                for (var i = random.Next(1, 50); i > 0; i--)
                {
                    host[$"unknown{i}"] = random.Next(2) == 0 ? JsonValue.Create(i) : new JsonArray(new JsonObject { ["x"] = i });
                }

                return Json(category, path, review);
        }
    }

    /// <summary>One of the valid reviews, sent to its own webhook most of the time and to another one otherwise.</summary>
    private (string Path, JsonObject Review) Seed(string uid)
    {
        var pick = random.Next(5);
        JsonObject review = pick switch
        {
            0 => seeds.GuardDrift(uid),
            1 => seeds.GuardUnmanaged(uid),
            2 => seeds.Application(uid),
            3 => seeds.Rollout(uid),
            _ => seeds.AnalysisTemplate(uid),
        };
        var own = pick switch
        {
            0 or 1 => "/validate/guard",
            2 => "/validate/applications",
            _ => "/validate/rollouts",
        };
        return (random.Next(4) == 0 ? Paths[random.Next(Paths.Count)] : own, review);
    }

    /// <summary>The review as sent; a well-formed answer must echo whatever uid the mutation left, if it is still a string.</summary>
    private static HostileRequest Json(string category, string path, JsonObject review) =>
        new(category, path, Encoding.UTF8.GetBytes(review.ToJsonString()), "application/json", null, StringUid(review));

    /// <remarks>A uid holding a marker (to be replaced by other bytes) is not known as sent.</remarks>
    private static string? StringUid(JsonObject review) =>
        review["request"] is JsonObject request && request["uid"] is JsonValue uid && uid.GetValueKind() == System.Text.Json.JsonValueKind.String
        && uid.GetValue<string>() is var text && !text.Contains("@@", StringComparison.Ordinal)
            ? text
            : null;

    private HostileRequest BadText(string category, string path, JsonObject review)
    {
        var marker = $"@@{sequence}@@";
        var leaf = RandomStringLeaf(review);
        if (leaf is null)
        {
            review["request"]!["name"] = marker;
        }
        else
        {
            Replace(leaf, JsonValue.Create(leaf.GetValue<string>() + marker));
        }

        byte[][] poisons =
        [
            [0x00], [0xFF], [0xC3, 0x28], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82],
            "\\u0000"u8.ToArray(), "\\ud800"u8.ToArray(), "\\udfff\\ud800"u8.ToArray(), "\\uDBFF"u8.ToArray(),
        ];
        var poison = poisons[random.Next(poisons.Length)];
        var text = Encoding.UTF8.GetBytes(review.ToJsonString());
        var markerBytes = Encoding.UTF8.GetBytes(marker);
        var at = text.AsSpan().IndexOf(markerBytes);
        byte[] body = [.. text[..at], .. poison, .. text[(at + markerBytes.Length)..]];
        return new(category, path, body, "application/json", null, StringUid(review));
    }

    private JsonNode WrongValue(JsonNode target)
    {
        JsonNode?[] candidates =
        [
            null, JsonValue.Create(true), JsonValue.Create(0), JsonValue.Create(-1), JsonValue.Create(2147483648L), JsonValue.Create(1.5e308),
            JsonValue.Create(""), JsonValue.Create("x"), new JsonArray(), new JsonObject(), new JsonArray((JsonNode?)null), new JsonObject { ["a"] = null },
        ];
        while (true)
        {
            var candidate = candidates[random.Next(candidates.Length)];
            if (candidate?.GetValueKind() != target.GetValueKind())
            {
                return candidate!;
            }
        }
    }

    private JsonNode RandomNode(JsonNode root, bool includeRoot)
    {
        var all = new List<JsonNode>();
        Collect(root, all);
        if (!includeRoot)
        {
            all.Remove(root);
        }

        return all[random.Next(all.Count)];
    }

    private JsonNode? RandomStringLeaf(JsonNode root)
    {
        var all = new List<JsonNode>();
        Collect(root, all);
        var strings = all.Where(n => n is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String).ToList();
        return strings.Count == 0 ? null : strings[random.Next(strings.Count)];
    }

    private JsonObject RandomObject(JsonNode root)
    {
        var all = new List<JsonNode>();
        Collect(root, all);
        var objects = all.OfType<JsonObject>().ToList();
        return objects[random.Next(objects.Count)];
    }

    private static void Collect(JsonNode? node, List<JsonNode> all)
    {
        if (node is null)
        {
            return;
        }

        all.Add(node);
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, child) in o)
                {
                    Collect(child, all);
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    Collect(child, all);
                }

                break;
        }
    }

    private static void Replace(JsonNode target, JsonNode? replacement)
    {
        switch (target.Parent)
        {
            case JsonObject o:
                o[target.GetPropertyName()] = replacement;
                break;
            case JsonArray a:
                a[target.GetElementIndex()] = replacement;
                break;
        }
    }

    private static void Remove(JsonNode target)
    {
        switch (target.Parent)
        {
            case JsonObject o:
                o.Remove(target.GetPropertyName());
                break;
            case JsonArray a:
                a.RemoveAt(target.GetElementIndex());
                break;
        }
    }

    private static bool Set(JsonObject target, string name, JsonNode? value)
    {
        target[name] = value;
        return true;
    }
}
