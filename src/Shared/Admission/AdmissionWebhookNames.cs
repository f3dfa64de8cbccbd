using System.Text.RegularExpressions;

namespace Tollgate.Shared.Admission;

internal static partial class AdmissionWebhookNames
{
    public static void EnsureValid(IEnumerable<IAdmissionWebhook> webhooks)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var webhook in webhooks)
        {
            if (!DnsLabel().IsMatch(webhook.Name))
            {
                throw new InvalidOperationException(
                    $"webhook name \"{webhook.Name}\" must be a DNS label: at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit");
            }

            if (!names.Add(webhook.Name))
            {
                throw new InvalidOperationException($"two webhooks are named \"{webhook.Name}\"");
            }
        }
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex DnsLabel();
}
