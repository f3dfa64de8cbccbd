namespace Tollgate.Webhooks.Policy;

/// <summary>One compiled field pattern of an RBAC rule: a glob or, in regex match mode, a regular expression.</summary>
internal interface IValueMatcher
{
    bool IsMatch(ReadOnlySpan<char> value);
}
