namespace Tollgate.Reliability.Tests.Support;

/// <summary>The figures of a run, appended to TOLLGATE_CHAOS_REPORT when set (`make chaos` prints that file).</summary>
public static class ChaosReport
{
    public static void Append(string title, string figures)
    {
        if (Environment.GetEnvironmentVariable("TOLLGATE_CHAOS_REPORT") is { Length: > 0 } path)
        {
            File.AppendAllText(path, $"## {title}\n\n{figures}\n");
        }
    }

    /// <summary>The short run's count in `make test`, or the variable's value in `make chaos`.</summary>
    public static int Scaled(int shortRun, string variable) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), out var chaos) && chaos > 0 ? chaos : shortRun;
}
