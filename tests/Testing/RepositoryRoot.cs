namespace Tollgate.Testing;

public static class RepositoryRoot
{
    /// <summary>The checkout's root: the nearest ancestor of the test binaries that holds Controllers.sln.</summary>
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Controllers.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no Controllers.sln above {AppContext.BaseDirectory}");
    }
}
