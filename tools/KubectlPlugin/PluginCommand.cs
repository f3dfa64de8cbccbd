namespace Tollgate.KubectlPlugin;

/// <summary>A parsed command line: the verb, the rollout's name, and the flags that matter.</summary>
public sealed record PluginCommand(string Verb, string Name, string? Namespace, string? Kubeconfig, bool Watch, bool Full)
{
    public static readonly string[] Verbs = ["get", "promote", "abort", "retry", "restart", "pause"];

    public const string Usage = """
        kubectl tollgate get rollout NAME [--watch] [-n NAMESPACE]
        kubectl tollgate promote NAME [--full]
        kubectl tollgate abort NAME
        kubectl tollgate retry [rollout] NAME
        kubectl tollgate restart NAME
        kubectl tollgate pause NAME
        (--kubeconfig PATH and -n/--namespace NAMESPACE work with every command)
        """;

    /// <exception cref="FormatException">The arguments do not form a command; the message says why.</exception>
    public static PluginCommand Parse(IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        string? @namespace = null;
        string? kubeconfig = null;
        var watch = false;
        var full = false;
        var positional = new List<string>();
        for (var index = 0; index < arguments.Count; index++)
        {
            var argument = arguments[index];
            switch (argument)
            {
                case "-n" or "--namespace":
                    @namespace = Next(arguments, ref index, argument);
                    break;
                case "--kubeconfig":
                    kubeconfig = Next(arguments, ref index, argument);
                    break;
                case "-w" or "--watch":
                    watch = true;
                    break;
                case "--full":
                    full = true;
                    break;
                default:
                    if (argument.StartsWith("--namespace=", StringComparison.Ordinal))
                    {
                        @namespace = argument["--namespace=".Length..];
                    }
                    else if (argument.StartsWith("--kubeconfig=", StringComparison.Ordinal))
                    {
                        kubeconfig = argument["--kubeconfig=".Length..];
                    }
                    else if (argument.StartsWith('-'))
                    {
                        throw new FormatException($"unknown flag {argument}");
                    }
                    else
                    {
                        positional.Add(argument);
                    }

                    break;
            }
        }

        if (positional.Count == 0 || !Verbs.Contains(positional[0]))
        {
            throw new FormatException($"expected one of: {string.Join(", ", Verbs)}");
        }

        // "get rollout NAME" and "retry rollout NAME" name the kind as the Argo plugin does.
        var rest = positional.Skip(1).ToList();
        if (rest.Count == 2 && rest[0] is "rollout" or "rollouts" or "ro")
        {
            rest.RemoveAt(0);
        }

        if (rest.Count != 1)
        {
            throw new FormatException($"{positional[0]}: expected exactly one rollout name");
        }

        return new PluginCommand(positional[0], rest[0], @namespace, kubeconfig, watch, full);
    }

    private static string Next(IReadOnlyList<string> arguments, ref int index, string flag) =>
        ++index < arguments.Count ? arguments[index] : throw new FormatException($"{flag} needs a value");
}
