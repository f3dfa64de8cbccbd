using System.Globalization;

namespace Tollgate.Reliability.Tests.Support;

/// <summary>
/// Finds a server under its watchdog shell: the live child of the watchdog (whose pid is the group's id) whose command
/// line names it. The watchdog's own command line names the server too, so the parent test is what tells them apart.
/// </summary>
public static class ProcessTree
{
    public static int? FindInGroup(int processGroup, string commandLineMark)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields[0] != "Z" && fields[1] == processGroup.ToString(CultureInfo.InvariantCulture)
                    && File.ReadAllText(Path.Combine(dir, "cmdline")).Contains(commandLineMark, StringComparison.Ordinal))
                {
                    return pid;
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return null;
    }
}
