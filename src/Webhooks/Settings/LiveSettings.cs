namespace Tollgate.Webhooks.Settings;

/// <summary>
/// The settings in force, swapped as a whole when the settings ConfigMap changes (no restart); readers take
/// <see cref="Current"/> without locks.
/// </summary>
public sealed class LiveSettings(TollgateSettings initial)
{
    private TollgateSettings current = initial ?? throw new ArgumentNullException(nameof(initial));

    public TollgateSettings Current => Volatile.Read(ref current);

    public void Replace(TollgateSettings next)
    {
        ArgumentNullException.ThrowIfNull(next);
        Volatile.Write(ref current, next);
    }
}
