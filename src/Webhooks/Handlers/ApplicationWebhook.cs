using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Tollgate.Shared.Admission;
using Tollgate.Shared.Admission.Review;
using Tollgate.Shared.Entities.ArgoCd;
using Tollgate.Webhooks.ApplicationSets;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Tollgate.Webhooks.Caches;
using Tollgate.Webhooks.Decisions;
using Tollgate.Webhooks.Observability;
using Tollgate.Webhooks.Policy;
using Tollgate.Webhooks.Settings;
using Tollgate.Webhooks.Tracking;

namespace Tollgate.Webhooks.Handlers;

/// <summary>
/// Argo CD Applications: project limits and project roles at admission time (decision 1); AppProjects: Argo CD's
/// project API rules (validation and <c>projects</c> RBAC); ApplicationSets: <c>applicationsets</c> RBAC and their
/// templates against the projects they name.
/// </summary>
public sealed class ApplicationWebhook(
    LiveSettings liveSettings, AdmissionCaches caches, DecisionResponder responder, IKubernetesClient client, SyncWindowMetrics syncWindowMetrics)
    : GenericValidationWebhook
{
    private TollgateSettings settings => liveSettings.Current;

    /// <summary>
    /// An Application as the decisions read it: not its status (often most of its bytes), managedFields and other
    /// metadata extras, ignoreDifferences, or the Helm values and tool settings of its sources.
    /// </summary>
    private static readonly JsonTypeInfo<Application> AdmittedApplication = AdmissionObjectReader.Skipping(
        ArgoCdJsonContext.Default.Application,
        (typeof(Application), "status"),
        (typeof(V1ObjectMeta), null),
        (typeof(ApplicationSpec), "ignoreDifferences"),
        (typeof(ApplicationSpec), null),
        (typeof(ApplicationSource), "helm"),
        (typeof(ApplicationSource), "kustomize"),
        (typeof(ApplicationSource), "directory"),
        (typeof(ApplicationSource), "plugin"),
        (typeof(ApplicationSource), null));

    public const string WebhookName = "applications";

    public override string Name => WebhookName;

    public override string SideEffects => "NoneOnDryRun";

    public override IReadOnlyList<V1RuleWithOperations> Rules => WebhookRules.Applications;

    public override async Task<ValidationResult> ValidateAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = Stopwatch.GetTimestamp();
        if (!await CacheGate.EnsureSyncedAsync(caches, cancellationToken))
        {
            return responder.Respond(Name, request, CacheGate.NotReady, Stopwatch.GetElapsedTime(started));
        }

        if (request.Kind is { Group: "argoproj.io", Kind: "AppProject" })
        {
            var projectTarget = RequestReader.Target(AppProject.Resource.ApiVersion, AppProject.Resource.Kind, request.Namespace, request.Name, request.OldObject ?? request.Object);
            return responder.Respond(Name, request, DecideProject(request, caches.Policy), Stopwatch.GetElapsedTime(started), projectTarget);
        }

        if (request.Kind is { Group: "argoproj.io", Kind: "ApplicationSet" })
        {
            var applicationSetTarget = RequestReader.Target("argoproj.io/v1alpha1", "ApplicationSet", request.Namespace, request.Name, request.OldObject ?? request.Object);
            return responder.Respond(Name, request, DecideApplicationSet(request, caches.Policy), Stopwatch.GetElapsedTime(started), applicationSetTarget);
        }

        var decision = Decide(request, caches.Policy);
        if (decision.Reason == DecisionReasons.ProjectMissing && await LiveProjectAsync(request, cancellationToken) is { } project)
        {
            // Applied together with its Application (`kubectl apply -k`), the project may not have reached the cache yet.
            decision = Decide(request, caches.Policy.With(project));
        }

        if (decision.SyncWindow is { } window)
        {
            syncWindowMetrics.RecordRefusal(ProjectName(request), window.Window.Index, window.Window.Error is null ? window.Window.Kind : "invalid");
        }

        var target = RequestReader.Target(Application.Resource.ApiVersion, Application.Resource.Kind, request.Namespace, request.Name, request.OldObject ?? request.Object);
        return responder.Respond(Name, request, decision, Stopwatch.GetElapsedTime(started), target);
    }

    private AdmissionDecision Decide(AdmissionRequest request, PolicySnapshot policy)
    {
        var operation = request.Operation ?? "";
        var isUpdate = operation == AdmissionOperations.Update;
        // An operation-only update has compared everything but metadata and .operation already, the spec included.
        var operationOnly = isUpdate && JsonComparison.IsOperationOnly(request.OldObject, request.Object);
        Application? oldApplication, newApplication;
        try
        {
            newApplication = Read(request.Object);
            // A sync written with kubectl: the stored Application is the one sent but for .operation (and server-set
            // metadata no decision reads), so it is not read a second time.
            oldApplication = operationOnly && newApplication is not null
                ? WithOperation(newApplication, JsonComparison.Property(request.OldObject, "operation"))
                : Read(request.OldObject);
        }
        catch (JsonException e)
        {
            return AdmissionDecision.Deny(DecisionReasons.Unreadable, $"the Application cannot be read: {e.Message}", 400);
        }

        return ApplicationDecider.Decide(
            new ApplicationRequest
            {
                Operation = operation,
                Requester = IdentityClassifier.Classify(settings, request.UserInfo?.Username, RequestReader.Groups(request)),
                ArgoCdNamespace = settings.ArgoCdNamespace,
                Old = oldApplication,
                New = operation == AdmissionOperations.Delete ? null : newApplication,
                OperationOnly = operationOnly,
                SpecChanged = isUpdate && !operationOnly
                    && !JsonComparison.NullableEquals(JsonComparison.Property(request.OldObject, "spec"), JsonComparison.Property(request.Object, "spec")),
                Now = DateTime.UtcNow,
                OldBreakGlass = TrackedMetadataReader.FromJson(request.OldObject, settings).BreakGlass,
                NewBreakGlass = TrackedMetadataReader.FromJson(request.Object, settings).BreakGlass,
            },
            policy);
    }

    private AdmissionDecision DecideProject(AdmissionRequest request, PolicySnapshot policy)
    {
        AppProject? oldProject, newProject;
        try
        {
            oldProject = ReadProject(request.OldObject);
            newProject = ReadProject(request.Object);
        }
        catch (JsonException e)
        {
            return AdmissionDecision.Deny(DecisionReasons.Unreadable, $"the AppProject cannot be read: {e.Message}", 400);
        }

        var operation = request.Operation ?? "";
        return ProjectDecider.Decide(
            new ProjectRequest
            {
                Operation = operation,
                Requester = IdentityClassifier.Classify(settings, request.UserInfo?.Username, RequestReader.Groups(request)),
                Old = oldProject,
                New = operation == AdmissionOperations.Delete ? null : newProject,
                SpecChanged = operation == AdmissionOperations.Update
                    && !JsonComparison.NullableEquals(JsonComparison.Property(request.OldObject, "spec"), JsonComparison.Property(request.Object, "spec")),
                ApplicationCount = operation == AdmissionOperations.Delete && oldProject is not null ? caches.ApplicationsInProject(oldProject.Metadata.Name ?? "").Count : 0,
                Applications = operation == AdmissionOperations.Update && oldProject is not null ? caches.ApplicationsInProject(oldProject.Metadata.Name ?? "") : [],
                OldBreakGlass = TrackedMetadataReader.FromJson(request.OldObject, settings).BreakGlass,
                NewBreakGlass = TrackedMetadataReader.FromJson(request.Object, settings).BreakGlass,
            },
            policy);
    }

    private AdmissionDecision DecideApplicationSet(AdmissionRequest request, PolicySnapshot policy)
    {
        ApplicationSetView? oldSet, newSet;
        try
        {
            oldSet = request.OldObject is { ValueKind: JsonValueKind.Object } oldObject ? ApplicationSetReader.Read(oldObject) : null;
            newSet = request.Object is { ValueKind: JsonValueKind.Object } newObject ? ApplicationSetReader.Read(newObject) : null;
        }
        catch (JsonException e)
        {
            return AdmissionDecision.Deny(DecisionReasons.Unreadable, $"the ApplicationSet cannot be read: {e.Message}", 400);
        }

        var operation = request.Operation ?? "";
        return ApplicationSetDecider.Decide(
            new ApplicationSetRequest
            {
                Operation = operation,
                Requester = IdentityClassifier.Classify(settings, request.UserInfo?.Username, RequestReader.Groups(request)),
                ArgoCdNamespace = settings.ArgoCdNamespace,
                Old = oldSet,
                New = operation == AdmissionOperations.Delete ? null : newSet,
                SpecChanged = operation == AdmissionOperations.Update
                    && !JsonComparison.NullableEquals(JsonComparison.Property(request.OldObject, "spec"), JsonComparison.Property(request.Object, "spec")),
                OldBreakGlass = TrackedMetadataReader.FromJson(request.OldObject, settings).BreakGlass,
                NewBreakGlass = TrackedMetadataReader.FromJson(request.Object, settings).BreakGlass,
            },
            policy);
    }

    /// <summary>The AppProject the new Application names, read from the API server; null when it really is missing.</summary>
    private async Task<AppProject?> LiveProjectAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        var name = ProjectName(request);
        try
        {
            return await client.GetAsync<AppProject>(name, settings.ArgoCdNamespace, cancellationToken);
        }
        catch (KubernetesException)
        {
            return null;
        }
    }

    private static string ProjectName(AdmissionRequest request) =>
        JsonComparison.Property(JsonComparison.Property(request.Object, "spec"), "project") is { ValueKind: JsonValueKind.String } value
        && value.GetString() is { Length: > 0 } project
            ? project
            : CompiledProject.DefaultProjectName;

    private static AppProject? ReadProject(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Object } value ? value.Deserialize(ArgoCdJsonContext.Default.AppProject) : null;

    private static Application WithOperation(Application application, JsonElement? operation) =>
        new() { Metadata = application.Metadata, Spec = application.Spec, Operation = operation };

    private static Application? Read(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Object } value ? AdmissionObjectReader.Read(value, AdmittedApplication) : null;
}
