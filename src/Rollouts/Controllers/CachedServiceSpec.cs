namespace Tollgate.Rollouts.Controllers;

/// <summary>The selector of a <see cref="CachedService"/>; nothing else of the spec is kept.</summary>
public sealed class CachedServiceSpec
{
    public IDictionary<string, string>? Selector { get; set; }
}
