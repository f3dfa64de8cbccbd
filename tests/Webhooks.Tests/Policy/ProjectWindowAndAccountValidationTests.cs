using System.Text.Json;
using Tollgate.Webhooks.Policy;

namespace Tollgate.Webhooks.Tests.Policy;

/// <summary>The sync window and destinationServiceAccounts parts of Argo CD's AppProject.ValidateProject.</summary>
public sealed class ProjectWindowAndAccountValidationTests
{
    [Theory]
    [InlineData("""[{"kind":"deny","schedule":"0 22 * * *","duration":"8h","namespaces":["*"]}]""", null)]
    [InlineData("""[{"kind":"deny","schedule":"0 22 * * *","duration":"8h","namespaces":["*"]},{"kind":"deny","schedule":"0 22 * * *","duration":"8h","namespaces":["*"],"manualSync":true,"description":"same"}]""",
        "sync window with kind 'deny', schedule '0 22 * * *', and duration '8h' already exists (duplicate detected)")]
    [InlineData("""[{"kind":"deny","schedule":"0 22 * * *","duration":"8h","namespaces":["*"]},{"kind":"deny","schedule":"0 22 * * *","duration":"8h","namespaces":["*"],"timeZone":"UTC"}]""", null)]
    [InlineData("""[{"kind":"block","schedule":"0 22 * * *","duration":"8h","namespaces":["*"]}]""", "kind 'block' mismatch: can only be allow or deny")]
    [InlineData("""[{"kind":"allow","schedule":"0 25 * * *","duration":"8h","namespaces":["*"]}]""", "cannot parse schedule '0 25 * * *': end of range (25) above maximum (23): 25")]
    [InlineData("""[{"kind":"allow","schedule":"0 22 * * *","duration":"8 hours","namespaces":["*"]}]""", "cannot parse duration '8 hours': time: invalid duration \"8 hours\"")]
    [InlineData("""[{"kind":"allow","schedule":"0 22 * * *","duration":"8h"}]""", "window 'allow':'0 22 * * *':'8h' requires one of application, cluster or namespace")]
    public void Validate_SyncWindows_AsArgoCd(string windows, string? error)
    {
        var project = ProjectFixtures.Project(spec => spec.SyncWindows = JsonDocument.Parse(windows).RootElement);

        Assert.Equal(error, ProjectValidator.Validate(project));
    }

    [Fact]
    public void Validate_WindowDescriptionOver255Bytes_Refused()
    {
        var description = new string('é', 128);
        var project = ProjectFixtures.Project(spec => spec.SyncWindows = JsonDocument.Parse(
            $$"""[{"kind":"allow","schedule":"0 22 * * *","duration":"8h","clusters":["*"],"description":"{{description}}"}]""").RootElement);

        Assert.Equal("description must not exceed 255 characters", ProjectValidator.Validate(project));
    }

    [Theory]
    [InlineData("""[{"server":"https://kubernetes.default.svc","namespace":"apps","defaultServiceAccount":"deployer"}]""", null)]
    [InlineData("""[{"server":"!https://x","namespace":"apps","defaultServiceAccount":"deployer"}]""", "server has an invalid format, '!https://x'")]
    [InlineData("""[{"server":"*","namespace":"!apps","defaultServiceAccount":"deployer"}]""", "namespace has an invalid format, '!apps'")]
    [InlineData("""[{"server":"*","namespace":"apps","defaultServiceAccount":"  "}]""", "defaultServiceAccount has an invalid format, '  '")]
    [InlineData("""[{"server":"*","namespace":"apps","defaultServiceAccount":"ns/sa"}]""", "defaultServiceAccount has an invalid format, 'ns/sa'")]
    [InlineData("""[{"server":"[a-","namespace":"apps","defaultServiceAccount":"sa"}]""", "server has an invalid format, '[a-'")]
    [InlineData("""[{"server":"*","namespace":"apps","defaultServiceAccount":"a"},{"server":"*","namespace":"apps","defaultServiceAccount":"b"}]""", "destinationServiceAccount '*/apps' already added")]
    public void Validate_DestinationServiceAccounts_AsArgoCd(string accounts, string? error)
    {
        var project = ProjectFixtures.Project(spec => spec.AdditionalProperties = new Dictionary<string, JsonElement>
        {
            ["destinationServiceAccounts"] = JsonDocument.Parse(accounts).RootElement,
        });

        Assert.Equal(error, ProjectValidator.Validate(project));
    }
}
