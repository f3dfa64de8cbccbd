using Tollgate.Shared.Durations;

namespace Tollgate.Rollouts.Canary;

/// <summary>A pause step duration, by the one grammar the webhook also checks (<see cref="RolloutPauseDuration"/>).</summary>
public static class PauseDuration
{
    public static TimeSpan Parse(string text) => RolloutPauseDuration.Parse(text);

    public static TimeSpan FromSeconds(int seconds) => RolloutPauseDuration.Parse(seconds);
}
