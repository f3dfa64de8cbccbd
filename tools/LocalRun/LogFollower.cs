namespace Tollgate.LocalRun;

/// <summary>
/// Prints new lines of the servers' log files to the console, each prefixed with the server's name. Prometheus is
/// chatty at info level, so only its warnings and errors are shown (its full log stays in the file).
/// </summary>
public sealed class LogFollower(IReadOnlyList<(string Name, string Path)> logs)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var readers = new Dictionary<string, StreamReader>();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                foreach (var (name, path) in logs)
                {
                    if (!readers.TryGetValue(name, out var reader))
                    {
                        if (!File.Exists(path))
                        {
                            continue;
                        }

                        reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
                        readers[name] = reader;
                    }

                    while (await reader.ReadLineAsync(cancellationToken) is { } line)
                    {
                        if (Worth(name, line))
                        {
                            Console.WriteLine($"[{name}] {line}");
                        }
                    }
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            }
        }
        finally
        {
            foreach (var reader in readers.Values)
            {
                reader.Dispose();
            }
        }
    }

    public static bool Worth(string name, string line) =>
        name != "prometheus" || line.Contains("level=warn", StringComparison.Ordinal) || line.Contains("level=error", StringComparison.Ordinal);
}
