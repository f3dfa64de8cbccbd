namespace Tollgate.Shared.Kube.Models;

public sealed class V1StatusDetails
{
    public string? Name { get; set; }

    public string? Group { get; set; }

    public string? Kind { get; set; }

    public string? Uid { get; set; }

    public IList<V1StatusCause>? Causes { get; set; }

    public int? RetryAfterSeconds { get; set; }
}
