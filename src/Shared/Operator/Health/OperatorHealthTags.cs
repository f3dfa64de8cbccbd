namespace Tollgate.Shared.Operator.Health;

/// <summary>Health check tags: <c>live</c> checks answer /healthz, <c>ready</c> checks answer /readyz.</summary>
public static class OperatorHealthTags
{
    public const string Live = "live";
    public const string Ready = "ready";
}
