using System.Collections;

namespace Tollgate.Shared.Logging;

/// <summary>
/// The logging scope of one Kubernetes object: structured fields for JSON logs, and "Kind namespace/name" wherever a
/// formatter prints a scope as text.
/// </summary>
public sealed class ObjectScope(string kind, string? @namespace, string? name) : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] fields =
    [
        new("kind", kind),
        new("namespace", @namespace),
        new("name", name),
        new("object", string.IsNullOrEmpty(@namespace) ? name : $"{@namespace}/{name}"),
    ];

    public int Count => fields.Length;

    public KeyValuePair<string, object?> this[int index] => fields[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)fields).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"{kind} {fields[3].Value}";
}
