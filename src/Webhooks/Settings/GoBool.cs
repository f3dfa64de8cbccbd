namespace Tollgate.Webhooks.Settings;

/// <summary>Go's <c>strconv.ParseBool</c>, which Argo CD uses for its boolean settings.</summary>
public static class GoBool
{
    public static bool TryParse(string? text, out bool value)
    {
        switch (text)
        {
            case "1" or "t" or "T" or "TRUE" or "true" or "True":
                value = true;
                return true;
            case "0" or "f" or "F" or "FALSE" or "false" or "False":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }
}
