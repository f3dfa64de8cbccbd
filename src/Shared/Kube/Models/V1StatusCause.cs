namespace Tollgate.Shared.Kube.Models;

public sealed class V1StatusCause
{
    public string? Reason { get; set; }

    public string? Message { get; set; }

    public string? Field { get; set; }
}
