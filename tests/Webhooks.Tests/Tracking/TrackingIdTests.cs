using Tollgate.Webhooks.Settings;
using Tollgate.Webhooks.Tracking;

namespace Tollgate.Webhooks.Tests.Tracking;

public sealed class TrackingIdTests
{
    [Theory]
    [InlineData("web-app:apps/Deployment:production/web-app", null, "web-app", "apps", "Deployment", "production", "web-app")]
    [InlineData("web-app:/Service:production/web", null, "web-app", "", "Service", "production", "web")]
    [InlineData("infra:/Namespace:/production", null, "infra", "", "Namespace", "", "production")]
    [InlineData("team-a_web:apps/Deployment:production/web-app", "team-a", "web", "apps", "Deployment", "production", "web-app")]
    public void Parse_ArgoCdFormats_ReadsEveryPart(string value, string? appNamespace, string app, string group, string kind, string @namespace, string name)
    {
        var id = TrackingId.Parse(value);

        Assert.NotNull(id);
        Assert.Equal(new ApplicationName(appNamespace, app), id.Application);
        Assert.Equal((group, kind, @namespace, name), (id.Group, id.Kind, id.Namespace, id.Name));
        Assert.Equal(value, id.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("web-app")]
    [InlineData("web-app:apps/Deployment")]
    [InlineData("web-app:Deployment:production/web-app")]
    [InlineData("web-app:apps/Deployment:web-app")]
    [InlineData("web-app:apps/Deployment:production/web-app:extra")]
    [InlineData(":apps/Deployment:production/web-app")]
    [InlineData("web-app:apps/:production/web-app")]
    public void Parse_Malformed_ReturnsNull(string? value) => Assert.Null(TrackingId.Parse(value));

    [Theory]
    [InlineData("apps", "Deployment", "production", "web-app", true)]
    [InlineData("apps", "Deployment", "production", "other", false)]
    [InlineData("apps", "Deployment", "staging", "web-app", false)]
    [InlineData("apps", "StatefulSet", "production", "web-app", false)]
    [InlineData("", "Deployment", "production", "web-app", false)]
    public void Names_OnlyThisVeryObject_True(string group, string kind, string @namespace, string name, bool expected) =>
        Assert.Equal(expected, TrackingId.Parse("web-app:apps/Deployment:production/web-app")!.Names(group, kind, @namespace, name));

    public static TheoryData<TrackingMethod, string?, string?, string?> Claims => new()
    {
        { TrackingMethod.Annotation, "web-app:apps/Deployment:production/web-app", null, "web-app" },
        { TrackingMethod.Annotation, "web-app:apps/Deployment:production/copied-from", null, null },
        { TrackingMethod.Annotation, null, "web-app", null },
        { TrackingMethod.Label, "web-app:apps/Deployment:production/web-app", null, null },
        { TrackingMethod.Label, null, "from-label", "from-label" },
        { TrackingMethod.AnnotationAndLabel, null, "from-label", "from-label" },
        { TrackingMethod.AnnotationAndLabel, "web-app:apps/Deployment:production/web-app", "from-label", "web-app" },
        { TrackingMethod.AnnotationAndLabel, "garbage", null, null },
    };

    [Theory]
    [MemberData(nameof(Claims))]
    public void Read_TrackingMethods_ClaimOnlyWhenTheMethodAndTargetMatch(TrackingMethod method, string? annotation, string? label, string? expectedApplication)
    {
        var settings = TollgateSettings.Default with { TrackingMethod = method };

        var claim = TrackingReader.Read(settings, new TrackedMetadata(annotation, label, null), new ObjectCoordinates("apps", "Deployment", "production", "web-app"));

        Assert.Equal(expectedApplication, claim?.Application.Name);
    }
}
