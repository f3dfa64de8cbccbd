namespace Tollgate.Webhooks.Policy;

/// <summary>A project destination entry with its three (possibly negated) globs compiled.</summary>
internal sealed class CompiledDestination(NegatableGlob server, NegatableGlob name, NegatableGlob @namespace)
{
    public NegatableGlob Server { get; } = server;

    public NegatableGlob Name { get; } = name;

    public NegatableGlob Namespace { get; } = @namespace;

    public override string ToString()
    {
        var parts = new List<string>(3);
        if (Server.Text.Length > 0)
        {
            parts.Add($"server '{Server.Text}'");
        }

        if (Name.Text.Length > 0)
        {
            parts.Add($"name '{Name.Text}'");
        }

        parts.Add($"namespace '{Namespace.Text}'");
        return "{" + string.Join(", ", parts) + "}";
    }
}
