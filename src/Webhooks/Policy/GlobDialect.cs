namespace Tollgate.Webhooks.Policy;

/// <summary>The two glob flavours Argo CD uses, which differ in syntax.</summary>
public enum GlobDialect
{
    /// <summary>
    /// gobwas/glob, used by Argo CD for source repositories, destinations and RBAC: <c>*</c>, <c>**</c>, <c>?</c>,
    /// <c>[abc]</c>, <c>[a-z]</c>, <c>[!abc]</c>, <c>{a,b}</c> and <c>\</c> escapes.
    /// </summary>
    Extended,

    /// <summary>Go's filepath.Match, used by Argo CD for resource white- and blacklists: <c>*</c>, <c>?</c>, <c>[a-z0-9]</c>, <c>[^abc]</c> and <c>\</c> escapes.</summary>
    FilePath,
}
