using Tollgate.Shared.Crds;

namespace Tollgate.Manifests;

/// <summary>tollgate-manifests crds &lt;directory&gt;: writes the generated CRDs and their kustomization.yaml.</summary>
internal static class ManifestsCommand
{
    private const string Usage = "usage: tollgate-manifests crds <output-directory>";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (args is not ["crds", var directory])
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        Directory.CreateDirectory(directory);
        var files = TollgateCrds.Files();
        foreach (var file in files)
        {
            var path = Path.Combine(directory, file.Name);
            var changed = !File.Exists(path) || await File.ReadAllTextAsync(path) != file.Content;
            if (changed)
            {
                await File.WriteAllTextAsync(path, file.Content);
            }

            await output.WriteLineAsync($"{(changed ? "wrote    " : "unchanged")} {path}");
        }

        foreach (var stale in StaleGeneratedFiles(directory, files))
        {
            File.Delete(stale);
            await output.WriteLineAsync($"removed   {stale}");
        }

        return 0;
    }

    /// <summary>Generated files of kinds that no longer exist; hand-written files (without the header) are left alone.</summary>
    private static IEnumerable<string> StaleGeneratedFiles(string directory, IReadOnlyList<GeneratedFile> files) =>
        Directory.EnumerateFiles(directory, "*.yaml")
            .Where(path => files.All(file => file.Name != Path.GetFileName(path)))
            .Where(path => File.ReadLines(path).FirstOrDefault() == "# " + TollgateCrds.Header)
            .ToList();
}
