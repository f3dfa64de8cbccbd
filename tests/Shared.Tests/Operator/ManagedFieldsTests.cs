using System.Text.Json;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Operator.Informers;

namespace Tollgate.Shared.Tests.Operator;

public sealed class ManagedFieldsTests
{
    [Fact]
    public void Strip_ManagedFieldsAndOtherUnnamedFields_OnlyManagedFieldsGo()
    {
        var metadata = new V1ObjectMeta
        {
            Name = "web",
            AdditionalProperties = new Dictionary<string, JsonElement>
            {
                ["managedFields"] = JsonDocument.Parse("""[{"manager":"kubectl","operation":"Update"}]""").RootElement.Clone(),
                ["selfLink"] = JsonDocument.Parse("\"/api/v1/namespaces/prod/configmaps/web\"").RootElement.Clone(),
            },
        };

        Assert.True(ManagedFields.Strip(metadata));

        Assert.Equal(["selfLink"], metadata.AdditionalProperties.Keys);
        Assert.Equal("web", metadata.Name);
    }

    [Fact]
    public void Strip_NoUnnamedFields_NothingToDo()
    {
        var metadata = new V1ObjectMeta { Name = "web" };

        Assert.False(ManagedFields.Strip(metadata));
        Assert.Null(metadata.AdditionalProperties);
    }
}
