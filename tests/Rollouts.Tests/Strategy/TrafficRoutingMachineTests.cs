using Tollgate.Rollouts.Status;
using Tollgate.Rollouts.Strategy;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Entities.Rollouts.TrafficRouting;

namespace Tollgate.Rollouts.Tests.Strategy;

/// <summary>
/// The canary state machine with a traffic router, one row per behaviour of Argo's reconcileTrafficRouting and
/// CalculateReplicaCountsForTrafficRoutedCanary.
/// </summary>
public sealed class TrafficRoutingMachineTests
{
    private const string New = ObservationBuilder.NewHash;
    private const string Stable = ObservationBuilder.StableHash;

    public static TheoryData<string> RowNames => [.. Rows.Keys];

    [Theory]
    [MemberData(nameof(RowNames))]
    public void Decide_RoutedRow_AsArgoRolloutsDoes(string row)
    {
        var (given, then) = Rows[row];

        var decision = given().Decide();

        then(decision);
    }

    private static readonly Dictionary<string, (Func<ObservationBuilder> Given, Action<RolloutDecision> Then)> Rows = Build();

    private static ObservationBuilder Routed(ObservationBuilder builder, bool dynamic = false)
    {
        builder.WithServices();
        builder.Strategy.TrafficRouting = new RolloutTrafficRouting { Nginx = new NginxTrafficRouting { StableIngress = "web" } };
        builder.Strategy.DynamicStableScale = dynamic ? true : null;
        return builder;
    }

    /// <summary>Gateway API with a managed header route: setWeight 10, setHeaderRoute h, pause, setHeaderRoute h (no match: removed).</summary>
    private static ObservationBuilder HeaderRouted()
    {
        var builder = ObservationBuilder.Canary(10, "w10", "w10", "p", "w10").WithServices();
        builder.Strategy.TrafficRouting = new RolloutTrafficRouting
        {
            Plugins = new Dictionary<string, System.Text.Json.JsonElement> { ["argoproj-labs/gatewayAPI"] = System.Text.Json.JsonDocument.Parse("""{"httpRoute":"r"}""").RootElement.Clone() },
            ManagedRoutes = [new ManagedRoute { Name = "h" }],
        };
        builder.Strategy.Steps![1] = new CanaryStep { SetHeaderRoute = new SetHeaderRoute { Name = "h", Match = [new HeaderRoutingMatch { HeaderName = "X-Canary", HeaderValue = new StringMatch { Exact = "yes" } }] } };
        builder.Strategy.Steps[3] = new CanaryStep { SetHeaderRoute = new SetHeaderRoute { Name = "h" } };
        return builder;
    }

    /// <summary>Istio with a mirror route at step 1 and its removal at step 3.</summary>
    private static ObservationBuilder MirrorRouted()
    {
        var builder = ObservationBuilder.Canary(10, "w10", "w10", "p", "w10").WithServices();
        builder.Strategy.TrafficRouting = new RolloutTrafficRouting
        {
            Istio = new IstioTrafficRouting { VirtualService = new IstioVirtualService { Name = "vs", Routes = ["primary"] } },
            ManagedRoutes = [new ManagedRoute { Name = "m" }],
        };
        builder.Strategy.Steps![1] = new CanaryStep { SetMirrorRoute = new SetMirrorRoute { Name = "m", Percentage = 35, Match = [new RouteMatch { Method = new StringMatch { Exact = "GET" } }] } };
        builder.Strategy.Steps[3] = new CanaryStep { SetMirrorRoute = new SetMirrorRoute { Name = "m" } };
        return builder;
    }

    /// <summary>Subset-level Istio without Services, the seed's steps.</summary>
    private static ObservationBuilder SubsetRouted()
    {
        var builder = ObservationBuilder.Seed();
        builder.Strategy.TrafficRouting = new RolloutTrafficRouting
        {
            Istio = new IstioTrafficRouting
            {
                VirtualService = new IstioVirtualService { Name = "vs" },
                DestinationRule = new IstioDestinationRule { Name = "dr", CanarySubsetName = "canary", StableSubsetName = "stable" },
            },
        };
        return builder;
    }

    private static ObservationBuilder RoutedSeed(bool dynamic = false) => Routed(ObservationBuilder.Seed(), dynamic);

    private static ObservationBuilder Weighted(ObservationBuilder builder, int canary, string canaryHash = New, string stableHash = Stable)
    {
        builder.Status.Canary = new CanaryStatus
        {
            Weights = new TrafficWeights
            {
                Canary = new WeightDestination { Weight = canary, PodTemplateHash = canaryHash, ServiceName = "web-canary" },
                Stable = new WeightDestination { Weight = 100 - canary, PodTemplateHash = stableHash, ServiceName = "web-stable" },
            },
        };
        return builder;
    }

    private static string Named(string hash) => $"{ObservationBuilder.Name}-{hash}";

    /// <summary>A fully promoted rollout whose stored weights have moved on from the previous stable ReplicaSet.</summary>
    private static ObservationBuilder PromotedPastStable(bool dynamic = false) =>
        Weighted(RoutedSeed(dynamic).Promoted(10, revision: 2).WithOld(Stable, 10), 0, New, New);

    /// <summary>Argo's scaleDownDelaySeconds / abortScaleDownDelaySeconds / scaleDownDelayRevisionLimit with a router.</summary>
    private static void AddScaleDownDelayRows(Action<string, Func<ObservationBuilder>, Action<RolloutDecision>> row)
    {
        row("Promoted_PreviousStable_AnnotatedWithDefaultDelayAndKept",
            () => PromotedPastStable(),
            d =>
            {
                d.Has<SetScaleDownDeadline>(s => s.Name == Named(Stable) && s.Deadline == "2026-12-02T12:00:30Z");
                d.DoesNotScale(Stable);
                Assert.True(d.RequeueAfter <= TimeSpan.FromSeconds(30), $"requeue {d.RequeueAfter}");
            });
        row("Promoted_ScaleDownDelaySeconds_DeadlineFromIt",
            () => PromotedPastStable().Configure(b => b.Strategy.ScaleDownDelaySeconds = 5),
            d => d.Has<SetScaleDownDeadline>(s => s.Name == Named(Stable) && s.Deadline == "2026-12-02T12:00:05Z"));
        row("Promoted_ScaleDownDelaySecondsZero_PreviousStableAtOnce",
            () => PromotedPastStable().Configure(b => b.Strategy.ScaleDownDelaySeconds = 0),
            d =>
            {
                d.Scales(Stable, 0);
                d.HasNo<SetScaleDownDeadline>();
            });
        row("Promoted_DeadlineReadFromAnnotation_KeptAtItsReplicas",
            () => PromotedPastStable().WithDeadline(Stable, "2026-12-02T12:00:20Z"),
            d =>
            {
                d.DoesNotScale(Stable);
                d.HasNo<SetScaleDownDeadline>();
                Assert.True(d.RequeueAfter <= TimeSpan.FromSeconds(20), $"requeue {d.RequeueAfter}");
            });
        row("Promoted_DeadlinePassed_PreviousStableToZero",
            () => PromotedPastStable().WithDeadline(Stable, "2026-12-02T11:59:59Z"),
            d =>
            {
                d.Scales(Stable, 0);
                d.HasNo<SetScaleDownDeadline>();
            });
        row("Promoted_RevisionLimitOne_OlderOneGoesAtOnce",
            () => Weighted(RoutedSeed().Promoted(10, revision: 3).WithOld(Stable, 10, revision: 2).WithOld("older", 4, revision: 1), 0, New, New)
                .Configure(b => b.Strategy.ScaleDownDelayRevisionLimit = 1),
            d =>
            {
                d.Has<SetScaleDownDeadline>(s => s.Name == Named(Stable));
                d.DoesNotScale(Stable);
                d.Scales("older", 0);
                d.HasNo<SetScaleDownDeadline>(s => s.Name == Named("older"));
            });
        row("Promoted_RevisionLimitOne_AnnotatedOlderOneGoesAtOnce",
            () => Weighted(RoutedSeed().Promoted(10, revision: 3).WithOld(Stable, 10, revision: 2).WithOld("older", 4, revision: 1), 0, New, New)
                .WithDeadline(Stable, "2026-12-02T12:00:20Z").WithDeadline("older", "2026-12-02T12:00:20Z")
                .Configure(b => b.Strategy.ScaleDownDelayRevisionLimit = 1),
            d =>
            {
                d.DoesNotScale(Stable);
                d.Scales("older", 0);
            });
        row("Promoted_DynamicStableScale_PreviousStableAtOnce",
            () => PromotedPastStable(dynamic: true),
            d =>
            {
                d.Scales(Stable, 0);
                d.HasNo<SetScaleDownDeadline>();
            });
        row("MidUpdate_IntermediateCanary_ScaledDownAtOnce",
            () => Weighted(RoutedSeed().WithStable(10).WithNew(1, revision: 3).WithOld("older", 2, revision: 2, ageMinutes: 30).AtStep(1), 10),
            d =>
            {
                d.Scales("older", 0);
                d.HasNo<SetScaleDownDeadline>();
            });
        row("Abort_DefaultDelay_CanaryAnnotatedAndKept",
            () => Weighted(RoutedSeed().WithStable(10).WithNew(3).AtStep(3).Aborted(), 30),
            d =>
            {
                d.Has<SetScaleDownDeadline>(s => s.Name == Named(New) && s.Deadline == "2026-12-02T12:00:30Z");
                d.DoesNotScale(New);
                d.Has<SetCanaryWeight>(w => w.Weight == 0);
                Assert.True(d.RequeueAfter <= TimeSpan.FromSeconds(30), $"requeue {d.RequeueAfter}");
            });
        row("Abort_AbortScaleDownDelaySeconds_DeadlineFromIt",
            () => Weighted(RoutedSeed().Configure(b => b.Strategy.AbortScaleDownDelaySeconds = 90).WithStable(10).WithNew(3).AtStep(3).Aborted(), 30),
            d => d.Has<SetScaleDownDeadline>(s => s.Name == Named(New) && s.Deadline == "2026-12-02T12:01:30Z"));
        row("Abort_DeadlineReadFromAnnotation_CanaryKept",
            () => Weighted(RoutedSeed().WithStable(10).WithNew(3).AtStep(3).Aborted().WithDeadline(New, "2026-12-02T12:00:20Z"), 0),
            d =>
            {
                d.DoesNotScale(New);
                d.HasNo<SetScaleDownDeadline>();
                Assert.True(d.RequeueAfter <= TimeSpan.FromSeconds(20), $"requeue {d.RequeueAfter}");
            });
        row("Abort_DeadlinePassed_CanaryToZero",
            () => Weighted(RoutedSeed().WithStable(10).WithNew(3).AtStep(3).Aborted().WithDeadline(New, "2026-12-02T12:00:00Z"), 0),
            d => d.Scales(New, 0));
        row("Abort_AbortScaleDownDelaySecondsZero_CanaryKeptForGood",
            () => Weighted(RoutedSeed().Configure(b => b.Strategy.AbortScaleDownDelaySeconds = 0).WithStable(10).WithNew(3).AtStep(3).Aborted(), 0),
            d =>
            {
                d.DoesNotScale(New);
                d.HasNo<SetScaleDownDeadline>();
                d.Weight(0);
            });
        row("Abort_DynamicStableScaleWithoutExplicitDelay_NoDeadline",
            () => Weighted(RoutedSeed(dynamic: true).WithStable(10).WithNew(3).AtStep(3).Aborted(), 0),
            d =>
            {
                // No wait: the canary follows the stepwise abort weights at once (10% here).
                d.HasNo<SetScaleDownDeadline>();
                d.Scales(New, 1);
            });
        row("Abort_DynamicStableScaleExplicitDelay_CanaryAnnotated",
            () => Weighted(RoutedSeed(dynamic: true).Configure(b => b.Strategy.AbortScaleDownDelaySeconds = 60).WithStable(10).WithNew(3).AtStep(3).Aborted(), 0),
            d =>
            {
                d.Has<SetScaleDownDeadline>(s => s.Name == Named(New) && s.Deadline == "2026-12-02T12:01:00Z");
                d.DoesNotScale(New);
            });
        row("Serving_LeftoverDeadlines_Removed",
            () => Weighted(RoutedSeed().WithStable(10).WithNew(1).AtStep(1).WithDeadline(New, "2026-12-02T12:00:20Z").WithDeadline(Stable, "2026-12-02T12:00:20Z"), 10),
            d =>
            {
                d.Has<SetScaleDownDeadline>(s => s.Name == Named(New) && s.Deadline is null);
                d.Has<SetScaleDownDeadline>(s => s.Name == Named(Stable) && s.Deadline is null);
            });
    }

    private static int IndexOf<T>(RolloutDecision decision, Func<T, bool> predicate)
        where T : RolloutIntent =>
        decision.Intents.ToList().FindIndex(i => i is T typed && predicate(typed));

    private static Dictionary<string, (Func<ObservationBuilder>, Action<RolloutDecision>)> Build()
    {
        var rows = new Dictionary<string, (Func<ObservationBuilder>, Action<RolloutDecision>)>(StringComparer.Ordinal);
        void Row(string name, Func<ObservationBuilder> given, Action<RolloutDecision> then) => rows.Add(name, (given, then));

        Row("FirstStep_CanaryPodAvailable_RoutesStepWeightAndAdvances",
            () => Weighted(RoutedSeed().WithStable(10).WithNew(1), 0),
            d =>
            {
                d.AtStep(1);
                d.Has<SetCanaryWeight>(w => w.Weight == 10);
                d.Weight(10);
                Assert.Equal(90, d.Status.Canary!.Weights!.Stable.Weight);
                Assert.Equal(Stable, d.Status.Canary.Weights.Stable.PodTemplateHash);
                Assert.Equal(New, d.Status.Canary.Weights.Canary.PodTemplateHash);
            });
        Row("FirstStep_StableKeepsAllPods_CanaryIsCeilOfWeight",
            () => Weighted(Routed(ObservationBuilder.Canary(3, "w10", "p")).WithStable(3).WithNew(0, available: 0), 0),
            d =>
            {
                d.Scales(New, 1);
                d.DoesNotScale(Stable);
            });
        Row("NextWeight_CanaryNotYetAvailable_KeepsPreviousWeight",
            () => Weighted(RoutedSeed().WithStable(10).WithNew(1).AtStep(2), 10),
            d =>
            {
                d.Scales(New, 3);
                d.Has<SetCanaryWeight>(w => w.Weight == 10);
                d.AtStep(2);
            });
        Row("NextWeight_CanaryAvailable_RoutesIt",
            () => Weighted(RoutedSeed().WithStable(10).WithNew(3).AtStep(2), 10),
            d =>
            {
                d.AtStep(3);
                d.Has<SetCanaryWeight>(w => w.Weight == 30);
                d.DoesNotScale();
            });
        Row("CanaryWithoutAvailablePod_RoutesNothingToIt",
            () => Weighted(RoutedSeed().WithStable(10).WithNew(1, available: 0).AtStep(1), 10),
            d => d.Has<SetCanaryWeight>(w => w.Weight == 0));
        Row("StableShortOfPods_RouterLeftAsItIs",
            () => Weighted(RoutedSeed().WithStable(10, available: 5).WithNew(1).AtStep(1), 10),
            d =>
            {
                d.HasNo<SetCanaryWeight>();
                d.Weight(10);
            });
        Row("Services_PointedAtTheirReplicaSets",
            () => Weighted(RoutedSeed().WithStable(10).WithNew(1).AtStep(1), 10),
            d =>
            {
                d.Has<PointService>(p => p.ServiceName == "web-stable" && p.PodHash == Stable);
                d.Has<PointService>(p => p.ServiceName == "web-canary" && p.PodHash == New);
            });
        Row("CanaryService_NotMovedToReplicaSetWithoutAvailablePod",
            () => Weighted(RoutedSeed().WithStable(10).WithNew(1, available: 0).AtStep(0), 0),
            d => d.HasNo<PointService>(p => p.ServiceName == "web-canary"));
        Row("Abort_DeadlinePassed_WeightZeroBeforeCanaryScalesDown",
            () => Weighted(RoutedSeed().WithStable(10).WithNew(3).AtStep(3).Aborted().WithDeadline(New, "2026-12-02T11:59:00Z"), 30),
            d =>
            {
                var weight = IndexOf<SetCanaryWeight>(d, w => w.Weight == 0);
                var scale = IndexOf<ScaleReplicaSet>(d, s => s.Name == $"{ObservationBuilder.Name}-{New}" && s.To == 0);
                Assert.True(weight >= 0 && scale > weight, $"weight at {weight}, scale-down at {scale}");
                d.Weight(0);
            });
        Row("Abort_StableShortOfPods_CanaryKeptWhileTrafficStillReachesIt",
            () => Weighted(RoutedSeed().WithStable(10, available: 8).WithNew(3).AtStep(3).Aborted(), 30),
            d =>
            {
                d.HasNo<SetCanaryWeight>();
                d.DoesNotScale(New);
                d.HasNo<SetScaleDownDeadline>();
                d.Weight(30);
            });
        Row("ZeroReplicas_StepsDone_PromotesWithoutWeight",
            () => Weighted(Routed(ObservationBuilder.Canary(0, "w50")).WithStable(0).WithNew(0).AtStep(1), 0),
            d => Assert.Equal(New, d.Status.StableRS));
        Row("Abort_CanaryServiceBackOnStable",
            () => Weighted(RoutedSeed().WithStable(10).WithNew(3).AtStep(3).Aborted(), 30),
            d => d.Has<PointService>(p => p.ServiceName == "web-canary" && p.PodHash == Stable));
        Row("StepsDone_Routes100BeforePromoting",
            () => Weighted(RoutedSeed().WithStable(10).WithNew(10).AtStep(7), 50),
            d =>
            {
                d.Has<SetCanaryWeight>(w => w.Weight == 100);
                Assert.Equal(Stable, d.Status.StableRS);
            });
        Row("StepsDone_At100_PromotesWithoutMovingServicesYet",
            () => Weighted(RoutedSeed().WithStable(10).WithNew(10).AtStep(7), 100),
            d =>
            {
                Assert.Equal(New, d.Status.StableRS);
                d.HasNo<PointService>();
                d.HasNo<SetCanaryWeight>();
                d.DoesNotScale();
            });
        Row("Promoted_StableServiceMovesThenWeightZero",
            () => Weighted(RoutedSeed().Promoted(10, revision: 2).WithOld(Stable, 10), 100),
            d =>
            {
                var service = IndexOf<PointService>(d, p => p.ServiceName == "web-stable" && p.PodHash == New);
                var weight = IndexOf<SetCanaryWeight>(d, w => w.Weight == 0);
                Assert.True(service >= 0 && weight > service, $"service at {service}, weight at {weight}");
                d.DoesNotScale(Stable);
            });
        AddScaleDownDelayRows(Row);
        Row("PromoteFull_KeepsCurrentWeightWhileCanaryGrows",
            () => Weighted(RoutedSeed().WithStable(10).WithNew(1).AtStep(1).PromoteFull(), 10),
            d =>
            {
                d.Has<SetCanaryWeight>(w => w.Weight == 10);
                d.Scales(New, 10);
            });
        Row("FirstDeploy_Available_RoutesNothingToCanary",
            () => Routed(ObservationBuilder.Canary(5, "w10", "p")).FirstDeploy().WithNew(5, revision: 1),
            d =>
            {
                d.Has<SetCanaryWeight>(w => w.Weight == 0);
                Assert.Equal(New, d.Status.StableRS);
            });
        Row("SetCanaryScaleReplicas_CanarySizedOutright",
            () => Weighted(Routed(ObservationBuilder.Canary(10, "scale2", "w50", "p")).WithStable(10).WithNew(0, available: 0), 0),
            d =>
            {
                d.Scales(New, 2);
                d.DoesNotScale(Stable);
            });
        Row("SetCanaryScaleWeight_CanaryFromScaleWeightNotTraffic",
            () => Weighted(Routed(ObservationBuilder.Canary(10, "w10", "scalew40", "p")).WithStable(10).WithNew(1).AtStep(1), 10),
            d => d.Scales(New, 4));
        Row("SetCanaryScaleMatchTrafficWeight_BackToWeight",
            () => Weighted(Routed(ObservationBuilder.Canary(10, "scalew40", "w20", "p")).WithStable(10).WithNew(4).AtStep(1)
                .Configure(b => b.Spec.Strategy!.Canary!.Steps!.Insert(1, new CanaryStep { SetCanaryScale = new SetCanaryScale { MatchTrafficWeight = true } })), 0),
            d => d.Scales(New, 0));
        Row("DynamicStableScale_StableFollowsRoutedWeight",
            () => Weighted(RoutedSeed(dynamic: true).WithStable(10).WithNew(3).AtStep(3), 30),
            d => d.Scales(Stable, 7));
        Row("DynamicStableScale_StableKeepsPodsForTheTrafficItStillHas",
            () => Weighted(RoutedSeed(dynamic: true).WithStable(10).WithNew(1).AtStep(2), 10),
            d =>
            {
                // 30% is wanted but 90% still goes to the stable: ceil(90% of 10), and the canary waits for the next decision.
                d.Scales(Stable, 9);
                d.DoesNotScale(New);
            });
        Row("DynamicStableScale_AbortStableGrowsStepwiseCanaryKeepsPods",
            () => Weighted(RoutedSeed(dynamic: true).WithStable(7).WithNew(3).AtStep(3).Aborted(), 30),
            d =>
            {
                // The abort walks the setWeights back: the next below 3 canary pods is 10%, so the stable grows to 9 first.
                d.Scales(Stable, 9);
                d.DoesNotScale(New);
                d.Has<SetCanaryWeight>(w => w.Weight == 30);
            });
        Row("DynamicStableScale_AbortWeightFollowsStablePods",
            () => Weighted(RoutedSeed(dynamic: true).WithStable(10, available: 9).WithNew(3).AtStep(3).Aborted(), 30),
            d => d.Has<SetCanaryWeight>(w => w.Weight == 10));
        Row("MinPodsPerReplicaSet_RaisesSmallCanary",
            () => Weighted(RoutedSeed().Configure(b => b.Strategy.MinPodsPerReplicaSet = 2).WithStable(10).WithNew(0, available: 0), 0),
            d => d.Scales(New, 2));
        Row("RouterProblem_InvalidSpecAndLastWeightKept",
            () => Weighted(RoutedSeed().WithStable(10).WithNew(3).AtStep(3), 30).Problem(RolloutObservation.TrafficRoutingKey, "Nginx: ingress `web` not found"),
            d =>
            {
                d.InPhase(RolloutPhase.Degraded, "ingress `web` not found");
                d.Condition(RolloutConditionTypes.InvalidSpec, "True", RolloutConditionTypes.ReasonInvalidSpec);
                d.Weight(30);
                Assert.Empty(d.Intents);
            });
        Row("OlderReplicaSetStillInStoredWeights_NotScaledDown",
            () => Weighted(RoutedSeed().WithStable(10).WithNew(1).WithOld("older", 2, revision: 1).AtStep(1), 10, "older"),
            d => d.DoesNotScale("older"));
        Row("HeaderRouteStep_RoutedFromStoredStepAndCompleted",
            () => Weighted(HeaderRouted().WithStable(10).WithNew(1).AtStep(1), 10),
            d =>
            {
                var header = IndexOf<RouteHeaders>(d, h => h.Route.Name == "h" && h.Route.Match!.Count == 1);
                var weight = IndexOf<SetCanaryWeight>(d, w => w.Weight == 10);
                Assert.True(header >= 0 && weight > header, $"header route at {header}, weight at {weight}");
                d.AtStep(2);
            });
        Row("HeaderRouteStep_FirstRevision_NotRouted",
            () => Weighted(HeaderRouted().WithStable(10).WithNew(1, revision: 1).AtStep(1), 10),
            d => d.HasNo<RouteHeaders>());
        Row("HeaderRoute_PastTheStep_NotRoutedAgain",
            () => Weighted(HeaderRouted().WithStable(10).WithNew(1).AtStep(2), 10),
            d => d.HasNo<RouteHeaders>());
        Row("ManagedRoutes_Abort_RemovedBeforeWeight",
            () => Weighted(HeaderRouted().WithStable(10).WithNew(1).AtStep(2).Aborted(), 10),
            d =>
            {
                var remove = IndexOf<RemoveManagedRoutes>(d, _ => true);
                var weight = IndexOf<SetCanaryWeight>(d, w => w.Weight == 0);
                Assert.True(remove >= 0 && weight > remove, $"removal at {remove}, weight at {weight}");
                d.HasNo<RouteHeaders>();
            });
        Row("MirrorRouteStep_RoutedFromStoredStepAndCompleted",
            () => Weighted(MirrorRouted().WithStable(10).WithNew(1).AtStep(1), 10),
            d =>
            {
                var mirror = IndexOf<RouteMirror>(d, m => m.Route.Name == "m" && m.Route.Percentage == 35);
                var weight = IndexOf<SetCanaryWeight>(d, w => w.Weight == 10);
                Assert.True(mirror >= 0 && weight > mirror, $"mirror route at {mirror}, weight at {weight}");
                d.HasNo<RouteHeaders>();
                d.AtStep(2);
            });
        Row("MirrorRouteStep_FirstRevision_NotRouted",
            () => Weighted(MirrorRouted().WithStable(10).WithNew(1, revision: 1).AtStep(1), 10),
            d => d.HasNo<RouteMirror>());
        Row("MirrorRoute_CanaryWithoutAvailablePod_RemovedNotSet",
            () => Weighted(MirrorRouted().WithStable(10).WithNew(1, available: 0).AtStep(1), 0),
            d =>
            {
                d.Has<RemoveManagedRoutes>();
                d.HasNo<RouteMirror>();
            });
        Row("MirrorRoute_Abort_RemovedBeforeWeight",
            () => Weighted(MirrorRouted().WithStable(10).WithNew(1).AtStep(2).Aborted(), 10),
            d =>
            {
                var remove = IndexOf<RemoveManagedRoutes>(d, _ => true);
                var weight = IndexOf<SetCanaryWeight>(d, w => w.Weight == 0);
                Assert.True(remove >= 0 && weight > remove, $"removal at {remove}, weight at {weight}");
                d.HasNo<RouteMirror>();
            });
        Row("ManagedRoutes_Promoted_Removed",
            () => Weighted(HeaderRouted().Promoted(10, revision: 2), 0, New, New),
            d => d.Has<RemoveManagedRoutes>());
        Row("ManagedRoutes_NoneConfigured_NeverRemoved",
            () => Weighted(RoutedSeed().WithStable(10).WithNew(3).AtStep(3).Aborted(), 30),
            d => d.HasNo<RemoveManagedRoutes>());
        Row("SubsetLevel_AllAvailable_HashesBeforeWeight",
            () => Weighted(SubsetRouted().WithStable(10).WithNew(1).AtStep(1), 10),
            d =>
            {
                var hashes = IndexOf<UpdateRouteHashes>(d, h => h.CanaryHash == New && h.StableHash == Stable);
                var weight = IndexOf<SetCanaryWeight>(d, w => w.Weight == 10);
                Assert.True(hashes >= 0 && weight > hashes, $"hashes at {hashes}, weight at {weight}");
                d.HasNo<PointService>();
            });
        Row("SubsetLevel_StableNotFullyAvailable_SubsetsAndWeightWait",
            () => Weighted(SubsetRouted().WithStable(10, available: 9).WithNew(1).AtStep(1), 10),
            d =>
            {
                d.HasNo<UpdateRouteHashes>();
                d.HasNo<SetCanaryWeight>();
                d.Weight(10);
            });
        Row("SubsetLevel_CanaryWithoutPodsButWeighted_WeightZeroBeforeHashesWait",
            () => Weighted(SubsetRouted().WithStable(10).WithNew(1, available: 0).AtStep(1), 10),
            d =>
            {
                var only = Assert.Single(d.Intents.OfType<SetCanaryWeight>());
                Assert.Equal(0, only.Weight);
                d.HasNo<UpdateRouteHashes>();
            });
        return rows;
    }
}
