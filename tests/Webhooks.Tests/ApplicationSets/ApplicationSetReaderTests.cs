using System.Text.Json;
using Tollgate.Webhooks.ApplicationSets;

namespace Tollgate.Webhooks.Tests.ApplicationSets;

/// <summary>The templates an ApplicationSet's generators render with, merged as Argo CD's mergeGeneratorTemplate merges them.</summary>
public sealed class ApplicationSetReaderTests
{
    [Fact]
    public void Read_SpecTemplateOnly_ProjectSourcesAndDestination()
    {
        var view = ApplicationSetReader.Read(Parse("""
            {"metadata":{"name":"guestbook","namespace":"argocd"},
             "spec":{"generators":[{"list":{"elements":[]}}],
                     "template":{"metadata":{"name":"{{cluster}}-guestbook"},
                                 "spec":{"project":"production","source":{"repoURL":"https://github.com/myorg/k8s-manifests"},
                                         "destination":{"server":"{{url}}","namespace":"guestbook"}}}}}
            """));

        var template = Assert.Single(view.Templates);
        Assert.Equal(("guestbook", "argocd", "production"), (view.Name, view.Namespace, view.ProjectName));
        Assert.Equal("spec.template", template.Path);
        Assert.Equal([new TemplateSource("spec.template.spec.source.repoURL", "https://github.com/myorg/k8s-manifests")], template.Sources);
        Assert.Equal(("{{url}}", "guestbook"), (template.Destination.Server, template.Destination.Namespace));
    }

    [Fact]
    public void Read_GeneratorTemplate_NonEmptyFieldsWinOverTheSpecTemplate()
    {
        var view = ApplicationSetReader.Read(Parse("""
            {"metadata":{"name":"a","namespace":"argocd"},
             "spec":{"generators":[{"list":{"elements":[],"template":{"metadata":{},"spec":{"project":"other","destination":{"namespace":"","name":"prod-eu"}}}}}],
                     "template":{"metadata":{},"spec":{"project":"","sources":[{"repoURL":"https://a.example/x"},{"repoURL":"https://b.example/y"}],
                                 "destination":{"namespace":"apps"}}}}}
            """));

        // The only generator brings its own template, so spec.template never renders alone.
        var template = Assert.Single(view.Templates);
        Assert.Equal("spec.generators[0].list.template", template.Path);
        Assert.Equal("other", template.ProjectName);
        Assert.Equal(["https://a.example/x", "https://b.example/y"], template.Sources.Select(s => s.RepoUrl));
        Assert.Equal(("prod-eu", "apps"), (template.Destination.Name, template.Destination.Namespace));
        Assert.Equal("default", view.ProjectName);
    }

    [Fact]
    public void Read_SomeGeneratorsWithoutTemplate_SpecTemplateAndGeneratorTemplates()
    {
        var view = ApplicationSetReader.Read(Parse("""
            {"metadata":{"name":"a"},
             "spec":{"goTemplate":true,"templatePatch":"spec: {}",
                     "generators":[{"clusters":{}},{"git":{"template":{"spec":{"project":"git"}}}}],
                     "template":{"spec":{"project":"base"}}}}
            """));

        Assert.Equal(["spec.template|base", "spec.generators[1].git.template|git"], view.Templates.Select(t => $"{t.Path}|{t.Project}"));
        Assert.True(view.HasTemplatePatch);
    }

    [Fact]
    public void Read_NotAnObject_JsonException()
    {
        Assert.Throws<JsonException>(() => ApplicationSetReader.Read(Parse("[]")));
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;
}
