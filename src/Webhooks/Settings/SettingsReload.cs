namespace Tollgate.Webhooks.Settings;

/// <summary>
/// Pure: the settings after the settings ConfigMap changed. Malformed YAML, or a missing ConfigMap or key, keeps the
/// settings in force (a typo must not loosen anything); <c>argocdNamespace</c> and <c>rbacConfigMap</c> choose what the
/// informers watch, so a change of either is reported and takes effect only after a restart.
/// </summary>
public static class SettingsReload
{
    public static (TollgateSettings Settings, string? Problem) Apply(TollgateSettings running, string? yaml)
    {
        ArgumentNullException.ThrowIfNull(running);
        if (yaml is null)
        {
            return (running, $"the ConfigMap or its {SettingsLoader.ConfigMapKey} key is missing; the settings in force are kept");
        }

        TollgateSettings parsed;
        try
        {
            parsed = SettingsLoader.Parse(yaml);
        }
        catch (FormatException e)
        {
            return (running, $"{e.Message}; the settings in force are kept");
        }

        if (parsed.ArgoCdNamespace == running.ArgoCdNamespace && parsed.RbacConfigMap == running.RbacConfigMap)
        {
            return (parsed, null);
        }

        return (
            parsed with { ArgoCdNamespace = running.ArgoCdNamespace, RbacConfigMap = running.RbacConfigMap },
            $"argocdNamespace ({parsed.ArgoCdNamespace}) and rbacConfigMap ({parsed.RbacConfigMap}) take effect after a restart; " +
            $"until then {running.ArgoCdNamespace} and {running.RbacConfigMap} stay in force, the other settings are applied");
    }
}
