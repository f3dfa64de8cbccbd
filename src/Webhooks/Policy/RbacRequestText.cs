namespace Tollgate.Webhooks.Policy;

/// <summary>The request an RBAC message names (<c>sync applications 'production/web-app'</c>), formatted only into a message.</summary>
internal readonly record struct RbacRequestText(string Action, string Resource, string Object)
{
    public override string ToString() => $"{Action} {Resource} '{Object}'";
}
