using System.Text;

namespace Tollgate.Shared.Kube.Requests;

internal sealed class QueryString
{
    private readonly StringBuilder builder = new();

    public void Add(string key, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        builder.Append(builder.Length == 0 ? '?' : '&').Append(key).Append('=').Append(Uri.EscapeDataString(value));
    }

    public override string ToString() => builder.ToString();
}
