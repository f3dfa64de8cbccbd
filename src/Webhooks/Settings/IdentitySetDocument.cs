namespace Tollgate.Webhooks.Settings;

public sealed class IdentitySetDocument
{
    public IList<string>? Users { get; set; }

    public IList<string>? Groups { get; set; }
}
