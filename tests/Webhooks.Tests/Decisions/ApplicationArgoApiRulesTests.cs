using System.Text.Json;
using Tollgate.Shared.Entities.ArgoCd;
using Tollgate.Webhooks.Caches;
using Tollgate.Webhooks.Decisions;
using Tollgate.Webhooks.Policy;
using Tollgate.Webhooks.Settings;
using Tollgate.Webhooks.Tests.Policy;

namespace Tollgate.Webhooks.Tests.Decisions;

/// <summary>
/// Argo CD's API rules for Application writes (server/application/application.go), one table per rule: alice holds
/// exactly the grants listed (argocd-rbac-cm policy.csv lines, ';'-separated) and nothing else.
/// </summary>
public sealed class ApplicationArgoApiRulesTests
{
    private const string Repo = "https://github.com/myorg/k8s-manifests";
    private static readonly Requester Alice = new("alice", [], IdentityKind.Human, false);
    private static readonly Requester Admin = new("root", ["system:masters"], IdentityKind.Admin, false);
    private static readonly Requester Controller = new("system:serviceaccount:argocd:argocd-application-controller", [], IdentityKind.Controller, false);

    public static TheoryData<string, bool, string?> ProjectMove => new()
    {
        // alice's grants, allowed, the missing grant named in the denial
        { "update production/*; update staging/*; create staging/*", true, null },
        { "update production/*; update staging/*", false, "may not create applications 'staging/web-app'" },
        { "update staging/*; create staging/*", false, "may not update applications 'production/web-app'" },
        { "update production/*; create staging/*", false, "may not update applications 'staging/web-app'" },
        { "* production/*; * staging/*", true, null },
    };

    [Theory]
    [MemberData(nameof(ProjectMove))]
    public void ProjectMove_NeedsCreateAndUpdateInNewProjectAndUpdateInOld(string grants, bool allowed, string? missing)
    {
        var old = App();
        var moved = App(project: "staging");

        var decision = ApplicationDecider.Decide(Update(old, moved, specChanged: true), Snapshot(grants));

        AssertDecision(decision, allowed, DecisionReasons.RbacDenied, missing);
        if (!allowed)
        {
            Assert.Contains("moving an application from project production to staging needs update in both and create in staging", decision.Message, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string, string, bool, string?> CreateWithOperation => new()
    {
        // grants, operation (empty: none), allowed, missing grant
        { "create production/*", "", true, null },
        { "create production/*", """{"sync":{"revision":"main"}}""", false, "may not sync applications 'production/web-app'" },
        { "create production/*; sync production/*", """{"sync":{"revision":"main"}}""", true, null },
        { "create production/*; sync production/*", """{"sync":{"manifests":["kind: ConfigMap"],"dryRun":true}}""", false, "may not override applications 'production/web-app'" },
        { "create production/*; sync production/*; override production/*", """{"sync":{"manifests":["kind: ConfigMap"],"dryRun":true}}""", true, null },
        { "sync production/*", """{"sync":{}}""", false, "may not create applications 'production/web-app'" },
    };

    [Theory]
    [MemberData(nameof(CreateWithOperation))]
    public void CreateWithOperation_NeedsSyncAsWellAsCreate(string grants, string operation, bool allowed, string? missing)
    {
        var application = App(operation: operation);

        var decision = ApplicationDecider.Decide(Create(application), Snapshot(grants));

        AssertDecision(decision, allowed, DecisionReasons.RbacDenied, missing);
        if (missing is not null && missing.Contains("sync", StringComparison.Ordinal))
        {
            Assert.Contains(ApplicationDecider.CreateWithOperationWhy, decision.Message, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string, string, bool, bool, string, string?> LocalManifests => new()
    {
        // grants, operation, automated, allowed, reason, message fragment
        { "sync production/*", """{"sync":{"manifests":["kind: ConfigMap"],"dryRun":true}}""", false, false, DecisionReasons.RbacDenied, SyncRules.LocalManifestsWhy },
        { "sync production/*", """{"sync":{"manifests":[]}}""", false, false, DecisionReasons.RbacDenied, "may not override applications 'production/web-app'" },
        { "sync production/*; override production/*", """{"sync":{"manifests":["kind: ConfigMap"]}}""", false, true, DecisionReasons.Allowed, null },
        { "sync production/*; override production/*", """{"sync":{"manifests":["kind: ConfigMap"]}}""", true, false, DecisionReasons.SyncRefused, "cannot use local sync when Automatic Sync Policy is enabled unless for dry run" },
        { "sync production/*; override production/*", """{"sync":{"manifests":["kind: ConfigMap"],"dryRun":true}}""", true, true, DecisionReasons.Allowed, null },
        { "sync production/*", """{"sync":{"revision":"main"}}""", true, true, DecisionReasons.Allowed, null },
    };

    [Theory]
    [MemberData(nameof(LocalManifests))]
    public void SyncWithLocalManifests_NeedsOverride(string grants, string operation, bool automated, bool allowed, string reason, string? fragment)
    {
        var old = App(automated: automated);
        var synced = App(operation: operation, automated: automated);

        var decision = ApplicationDecider.Decide(Update(old, synced, operationOnly: true), Snapshot(grants));

        AssertDecision(decision, allowed, reason, fragment);
    }

    public static TheoryData<string, bool, bool, string?> UpdateWithOperation => new()
    {
        // grants, operation only (else spec changed too), allowed, missing grant
        { "sync production/*", true, true, null },
        { "sync production/*", false, false, "may not update applications 'production/web-app'" },
        { "update production/*", false, false, "may not sync applications 'production/web-app'" },
        { "update production/*; sync production/*", false, true, null },
    };

    [Theory]
    [MemberData(nameof(UpdateWithOperation))]
    public void UpdateThatAlsoSetsOperation_NeedsUpdateAndSync(string grants, bool operationOnly, bool allowed, string? missing)
    {
        var old = App();
        var sent = App(operation: """{"sync":{"revision":"main"}}""", path: operationOnly ? "apps/web-app" : "apps/web-app-v2");

        var decision = ApplicationDecider.Decide(Update(old, sent, operationOnly: operationOnly, specChanged: !operationOnly), Snapshot(grants));

        AssertDecision(decision, allowed, DecisionReasons.RbacDenied, missing);
    }

    [Fact]
    public void UpdateWithUnchangedOperation_NeedsOnlyUpdate()
    {
        var old = App(operation: """{"sync":{"revision":"main"}}""");
        var sent = App(operation: """{"sync":{"revision":"main"}}""", path: "apps/web-app-v2");

        var decision = ApplicationDecider.Decide(Update(old, sent, specChanged: true), Snapshot("update production/*"));

        AssertDecision(decision, true, DecisionReasons.Allowed, null);
    }

    public static TheoryData<string?, string, string, bool, bool, string, string?> RevisionSync => new()
    {
        // requireOverridePrivilegeForRevisionSync, grants, operation, automated, allowed, reason, fragment
        { null, "sync production/*", """{"sync":{"revision":"feature-x"}}""", false, true, DecisionReasons.Allowed, null },
        { "false", "sync production/*", """{"sync":{"revision":"feature-x"}}""", false, true, DecisionReasons.Allowed, null },
        { "true", "sync production/*", """{"sync":{"revision":"feature-x"}}""", false, false, DecisionReasons.RbacDenied, "a sync to revision feature-x (.operation.sync.revision) other than the target revision main needs override as well as sync" },
        { "TRUE", "sync production/*", """{"sync":{"revision":"feature-x"}}""", false, false, DecisionReasons.RbacDenied, "may not override applications 'production/web-app'" },
        { "1", "sync production/*; override production/*", """{"sync":{"revision":"feature-x"}}""", false, true, DecisionReasons.Allowed, null },
        { "true", "sync production/*", """{"sync":{"revision":"main"}}""", false, true, DecisionReasons.Allowed, null },
        { "true", "sync production/*", """{"sync":{}}""", false, true, DecisionReasons.Allowed, null },
        { "true", "sync production/*; override production/*", """{"sync":{"revision":"feature-x"}}""", true, false, DecisionReasons.SyncRefused, "Cannot sync to feature-x: auto-sync currently set to main" },
        { "true", "sync production/*; override production/*", """{"sync":{"revision":"feature-x","dryRun":true}}""", true, true, DecisionReasons.Allowed, null },
        { null, "sync production/*", """{"sync":{"revision":"feature-x"}}""", true, false, DecisionReasons.SyncRefused, "Cannot sync to feature-x: auto-sync currently set to main" },
        { "yes", "sync production/*; override production/*", """{"sync":{"revision":"main"}}""", false, false, DecisionReasons.SyncRefused, "parsing \"yes\": invalid syntax" },
    };

    [Theory]
    [MemberData(nameof(RevisionSync))]
    public void SyncToOtherRevision_NeedsOverrideWhenArgoCdCmRequiresIt(string? setting, string grants, string operation, bool automated, bool allowed, string reason, string? fragment)
    {
        var data = setting is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [ArgoCdConfig.RequireOverridePrivilegeForRevisionSyncKey] = setting };
        var old = App(automated: automated);
        var synced = App(operation: operation, automated: automated);

        var decision = ApplicationDecider.Decide(Update(old, synced, operationOnly: true), Snapshot(grants, ArgoCdConfig.FromData(data)));

        AssertDecision(decision, allowed, reason, fragment);
    }

    public static TheoryData<string, bool, string?> MultiSourceRevisions => new()
    {
        { """{"sync":{"revisions":["main","v2"]}}""", true, null },
        { """{"sync":{"revisions":["","v3"]}}""", false, ".operation.sync.revisions[1]" },
        { """{"sync":{"revisions":["main",""]}}""", true, null },
        { """{"sync":{"revisions":["HEAD"]}}""", false, "other than the target revision main" },
        { """{"sync":{"revisions":["main","v2","extra"]}}""", false, "source position is out of range" },
    };

    [Theory]
    [MemberData(nameof(MultiSourceRevisions))]
    public void SyncToOtherRevision_MultiSource_ComparedPerSource(string operation, bool allowed, string? fragment)
    {
        var old = MultiSource(null);
        var synced = MultiSource(operation);
        var config = ArgoCdConfig.FromData(new Dictionary<string, string> { [ArgoCdConfig.RequireOverridePrivilegeForRevisionSyncKey] = "true" });

        var decision = ApplicationDecider.Decide(Update(old, synced, operationOnly: true), Snapshot("sync production/*", config));

        Assert.Equal(allowed, decision.Allowed);
        if (fragment is not null)
        {
            Assert.Contains(fragment, decision.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Refusals_HoldForAdminsButNotControllers()
    {
        var old = App(automated: true);
        var synced = App(operation: """{"sync":{"revision":"0123abc"}}""", automated: true);

        var admin = ApplicationDecider.Decide(Update(old, synced, operationOnly: true, requester: Admin), Snapshot(""));
        var controller = ApplicationDecider.Decide(Update(old, synced, operationOnly: true, requester: Controller), Snapshot(""));

        Assert.Equal((false, DecisionReasons.SyncRefused), (admin.Allowed, admin.Reason));
        Assert.Equal((true, DecisionReasons.ControllerIdentity), (controller.Allowed, controller.Reason));
    }

    [Fact]
    public void ArgoCdConfig_InvalidBoolean_ReportedOnceAsProblem()
    {
        var config = ArgoCdConfig.FromData(new Dictionary<string, string> { [ArgoCdConfig.RequireOverridePrivilegeForRevisionSyncKey] = "yes" });

        Assert.False(config.RequireOverridePrivilegeForRevisionSync);
        Assert.Equal(
            "error parsing application.sync.requireOverridePrivilegeForRevisionSync value: strconv.ParseBool: parsing \"yes\": invalid syntax, expected true or false",
            Assert.Single(config.Problems));
    }

    public static TheoryData<string, string?, bool, string, string?> ApplicationsInAnyNamespace => new()
    {
        // application namespace, application.namespaces (argocd-cmd-params-cm), allowed, reason, fragment
        { "argocd", null, true, DecisionReasons.Allowed, null },
        { "team-a", null, false, DecisionReasons.NamespaceNotPermitted, "namespace 'team-a' is not permitted" },
        { "team-a", "team-*, other", true, DecisionReasons.Allowed, null },
        { "team-b", " team-* , /^team-[0-9]$/", false, DecisionReasons.NamespaceNotPermitted, "its namespace 'team-b' is not in the project's sourceNamespaces" },
        { "team-1", "team-a,/^team-[0-9]$/", false, DecisionReasons.RbacDenied, "may not create applications 'staging/team-1/web-app'" },
    };

    [Theory]
    [MemberData(nameof(ApplicationsInAnyNamespace))]
    public void ApplicationOutsideArgoCdNamespace_NeedsApplicationNamespacesAndSourceNamespaces(string @namespace, string? enabled, bool allowed, string reason, string? fragment)
    {
        var application = App(project: "staging");
        application.Metadata.Namespace = @namespace;
        var cmdParams = enabled is null ? null : new Dictionary<string, string> { [ArgoCdConfig.ApplicationNamespacesKey] = enabled };
        var grants = @namespace == "team-1" ? "create production/*" : "create staging/*";

        var decision = ApplicationDecider.Decide(Create(application), Snapshot(grants, ArgoCdConfig.FromData(null, cmdParams)));

        AssertDecision(decision, allowed, reason, fragment);
    }

    public static TheoryData<string?, string?, string, bool, string?> DestinationServiceAccounts => new()
    {
        // impersonation.enabled, impersonation.enforced, destinationServiceAccounts (server|namespace|account;...), allowed, fragment
        { null, null, "", true, null },
        { "true", null, "", false, "no matching service account found for destination server https://kubernetes.default.svc and namespace production" },
        { "true", "false", "", true, null },
        { "True", null, "", true, null },
        { "true", null, "https://kubernetes.default.svc|production|deployer", true, null },
        { "true", null, "*|prod*|argocd:deployer", true, null },
        { "true", null, "*|staging|deployer", false, "no matching service account found" },
        { "true", null, "*|production|bad/account", false, "default service account contains invalid chars 'bad/account'" },
        { "true", null, "*|production| ", false, "default service account contains invalid chars ' '" },
        { "true", null, "[|production|deployer", false, "invalid glob pattern for destination server" },
    };

    [Theory]
    [MemberData(nameof(DestinationServiceAccounts))]
    public void Impersonation_DestinationMustMatchADestinationServiceAccount(string? enabled, string? enforced, string accounts, bool allowed, string? fragment)
    {
        var data = new Dictionary<string, string>();
        if (enabled is not null)
        {
            data[ArgoCdConfig.ImpersonationEnabledKey] = enabled;
        }

        if (enforced is not null)
        {
            data[ArgoCdConfig.ImpersonationEnforcedKey] = enforced;
        }

        var entries = accounts.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Split('|'))
            .Select(parts => $$"""{"server":"{{parts[0]}}","namespace":"{{parts[1]}}","defaultServiceAccount":"{{parts[2]}}"}""");
        var project = ProjectFixtures.SeedProject();
        project.Spec.AdditionalProperties = new Dictionary<string, JsonElement>
        {
            ["destinationServiceAccounts"] = JsonDocument.Parse($"[{string.Join(',', entries)}]").RootElement,
        };
        var snapshot = new PolicySnapshot(
            new Dictionary<string, CompiledProjectEntry> { ["production"] = PolicySnapshot.Compile(project) },
            RbacPolicyParser.ParseConfigMap(new Dictionary<string, string> { ["policy.csv"] = "p, alice, applications, create, production/*, allow" }),
            ArgoCdConfig.FromData(data));

        var decision = ApplicationDecider.Decide(Create(App()), snapshot);

        AssertDecision(decision, allowed, DecisionReasons.DestinationServiceAccount, fragment);
    }

    public static TheoryData<string, string, bool, bool, string> SyncWindowsAtAdmission => new()
    {
        // requester, manualSync on the always-active deny window, operation only (else a CREATE with .operation), allowed, reason
        { "alice", "false", true, false, DecisionReasons.SyncWindow },
        { "alice", "true", true, true, DecisionReasons.Allowed },
        { "admin", "false", true, false, DecisionReasons.SyncWindow },
        { "controller", "false", true, true, DecisionReasons.ControllerIdentity },
        { "alice", "false", false, false, DecisionReasons.SyncWindow },
    };

    [Theory]
    [MemberData(nameof(SyncWindowsAtAdmission))]
    public void SyncDuringDenyWindow_RefusedUnlessManualSyncForEveryoneButControllers(string requester, string manualSync, bool operationOnly, bool allowed, string reason)
    {
        var project = ProjectFixtures.SeedProject();
        project.Spec.SyncWindows = JsonDocument.Parse($$"""[{"kind":"deny","schedule":"* * * * *","duration":"1h","namespaces":["*"],"manualSync":{{manualSync}}}]""").RootElement;
        var snapshot = new PolicySnapshot(
            new Dictionary<string, CompiledProjectEntry> { ["production"] = PolicySnapshot.Compile(project) },
            RbacPolicyParser.ParseConfigMap(new Dictionary<string, string> { ["policy.csv"] = "p, alice, applications, *, production/*, allow" }));
        var who = requester switch { "admin" => Admin, "controller" => Controller, _ => Alice };
        var synced = App(operation: """{"sync":{"revision":"main"}}""");
        var request = operationOnly
            ? Update(App(), synced, operationOnly: true, requester: who) with { Now = DateTime.UtcNow }
            : Create(synced) with { Now = DateTime.UtcNow };

        var decision = ApplicationDecider.Decide(request, snapshot);

        Assert.Equal((allowed, reason), (decision.Allowed, decision.Reason));
        if (!allowed)
        {
            Assert.Equal(0, decision.SyncWindow!.Window.Index);
        }
    }

    private static void AssertDecision(AdmissionDecision decision, bool allowed, string reasonWhenDenied, string? fragment)
    {
        Assert.Equal(allowed, decision.Allowed);
        if (!allowed)
        {
            Assert.Equal(reasonWhenDenied, decision.Reason);
        }

        if (fragment is not null)
        {
            Assert.Contains(fragment, decision.Message, StringComparison.Ordinal);
        }
    }

    private static ApplicationRequest Create(Application application) =>
        new() { Operation = "CREATE", Requester = Alice, ArgoCdNamespace = "argocd", New = application };

    private static ApplicationRequest Update(Application old, Application sent, bool operationOnly = false, bool specChanged = false, Requester? requester = null) =>
        new()
        {
            Operation = "UPDATE",
            Requester = requester ?? Alice,
            ArgoCdNamespace = "argocd",
            Old = old,
            New = sent,
            OperationOnly = operationOnly,
            SpecChanged = specChanged,
        };

    private static PolicySnapshot Snapshot(string grants, ArgoCdConfig? config = null)
    {
        var csv = string.Join('\n', grants.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(grant => grant.Split(' ') is [var action, var @object] ? $"p, alice, applications, {action}, {@object}, allow" : throw new FormatException(grant)));
        var everywhere = ProjectFixtures.Project(
            spec =>
            {
                spec.SourceRepos = ["*"];
                spec.Destinations = [ProjectFixtures.Destination("*", "*")];
                spec.SourceNamespaces = ["team-a", "team-1"];
            },
            name: "staging");
        return new PolicySnapshot(
            new Dictionary<string, CompiledProjectEntry>
            {
                ["production"] = PolicySnapshot.Compile(ProjectFixtures.SeedProject()),
                ["staging"] = PolicySnapshot.Compile(everywhere),
            },
            RbacPolicyParser.ParseConfigMap(new Dictionary<string, string> { ["policy.csv"] = csv }),
            config);
    }

    private static Application App(string project = "production", string operation = "", bool automated = false, string path = "apps/web-app")
    {
        var application = JsonSerializer.Deserialize(SeedManifests.ApplicationJson, ArgoCdJsonContext.Default.Application)!;
        application.Spec.Project = project;
        application.Spec.Source!.Path = path;
        application.Spec.SyncPolicy = automated ? JsonDocument.Parse("""{"automated":{"prune":true}}""").RootElement : null;
        application.Operation = operation.Length == 0 ? null : JsonDocument.Parse(operation).RootElement;
        return application;
    }

    private static Application MultiSource(string? operation)
    {
        var application = App(operation: operation ?? "");
        application.Spec.Source = null;
        application.Spec.Sources =
        [
            new ApplicationSource { RepoUrl = Repo, Path = "apps/web-app", TargetRevision = "main" },
            new ApplicationSource { RepoUrl = Repo, Path = "apps/config", TargetRevision = "v2" },
        ];
        return application;
    }
}
