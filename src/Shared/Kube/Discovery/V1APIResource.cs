namespace Tollgate.Shared.Kube.Discovery;

public sealed class V1APIResource
{
    public string Name { get; set; } = "";

    public string? SingularName { get; set; }

    public bool Namespaced { get; set; }

    public string Kind { get; set; } = "";

    public string? Group { get; set; }

    public string? Version { get; set; }

    public IList<string>? Verbs { get; set; }

    public IList<string>? ShortNames { get; set; }
}
