using System.Text.Json;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Entities.Rollouts.Validation;

namespace Tollgate.Shared.Tests.Entities.Rollouts.Validation;

public sealed class RolloutSpecValidatorTests
{
    private const string Steps = "spec.strategy.canary.steps[0]";

    private const string OneStepKind =
        "a step sets exactly one of setWeight, pause, analysis, setCanaryScale, experiment, setHeaderRoute, setMirrorRoute or plugin";

    public static TheoryData<string, string> ValidRows => new()
    {
        { "the base rollout", "{}" },
        { "no selector: Tollgate selects by its own label", """{"selector":null,"template":{"metadata":null}}""" },
        { "empty selector", """{"selector":{}}""" },
        { "zero replicas", """{"replicas":0}""" },
        { "no replicas", """{"replicas":null}""" },
        { "no steps", """{"strategy":{"canary":{"steps":null}}}""" },
        { "every supported step kind and pause grammar", """{"strategy":{"canary":{"steps":[{"setWeight":0},{"pause":{}},{"pause":{"duration":30}},{"pause":{"duration":"45"}},{"pause":{"duration":"1h30m"}},{"pause":{"duration":"1.5h"}},{"pause":{"duration":"500ms"}},{"pause":{"duration":"-0.5s"}},{"analysis":{"templates":[{"templateName":"rate"}]}},{"setWeight":100}]}}}""" },
        { "maxSurge zero, maxUnavailable one", """{"strategy":{"canary":{"maxSurge":0,"maxUnavailable":1}}}""" },
        { "percentages", """{"strategy":{"canary":{"maxSurge":"50%","maxUnavailable":"0%"}}}""" },
        { "digits alone are a percentage", """{"strategy":{"canary":{"maxSurge":"10"}}}""" },
        { "dynamicStableScale false", """{"strategy":{"canary":{"dynamicStableScale":false}}}""" },
        { "null trafficRouting", """{"strategy":{"canary":{"trafficRouting":null}}}""" },
        { "nginx with its fields", """{"strategy":{"canary":{"stableService":"web-stable","canaryService":"web-canary","trafficRouting":{"nginx":{"stableIngress":"web","annotationPrefix":"custom.nginx.org","additionalIngressAnnotations":{"canary-by-header":"X"},"canaryIngressAnnotations":{"a":"b"}}}}}}""" },
        { "nginx stableIngresses", """{"strategy":{"canary":{"stableService":"web-stable","canaryService":"web-canary","trafficRouting":{"nginx":{"stableIngresses":["a","b"]}}}}}""" },
        { "smi", """{"strategy":{"canary":{"stableService":"web-stable","canaryService":"web-canary","trafficRouting":{"smi":{"rootService":"root","trafficSplitName":"split"}}}}}""" },
        { "gateway api plugin", """{"strategy":{"canary":{"stableService":"web-stable","canaryService":"web-canary","trafficRouting":{"plugins":{"argoproj-labs/gatewayAPI":{"httpRoute":"r","httpRoutes":[{"name":"r2","useHeaderRoutes":true}],"namespace":"edge"}}}}}}""" },
        { "istio header and mirror routes", """{"strategy":{"canary":{"stableService":"web-stable","canaryService":"web-canary","trafficRouting":{"istio":{"virtualService":{"name":"vs","routes":["primary"]}},"managedRoutes":[{"name":"m"},{"name":"h"}]},"steps":[{"setWeight":10},{"setHeaderRoute":{"name":"h","match":[{"headerName":"X-Canary","headerValue":{"exact":"yes"}}]}},{"setMirrorRoute":{"name":"m","percentage":35,"match":[{"method":{"exact":"GET"},"path":{"prefix":"/api"},"headers":{"X-Debug":{"regex":"1+"}}}]}},{"pause":{}},{"setMirrorRoute":{"name":"m"}},{"setHeaderRoute":{"name":"h"}}]}}}""" },
        { "istio mirror of every request", """{"strategy":{"canary":{"stableService":"web-stable","canaryService":"web-canary","trafficRouting":{"istio":{"virtualService":{"name":"vs","routes":["primary"]}},"managedRoutes":[{"name":"m"},{"name":"h"}]},"steps":[{"setMirrorRoute":{"name":"m","percentage":0,"match":[]}}]}}}""" },
        { "gateway header routes", """{"strategy":{"canary":{"stableService":"web-stable","canaryService":"web-canary","trafficRouting":{"plugins":{"argoproj-labs/gatewayAPI":{"httpRoute":"r"}},"managedRoutes":[{"name":"h"}]},"steps":[{"setWeight":10},{"setHeaderRoute":{"name":"h","match":[{"headerName":"X-Canary","headerValue":{"exact":"yes"}},{"headerName":"X-User","headerValue":{"prefix":"beta-"}}]}},{"pause":{}},{"setHeaderRoute":{"name":"h"}}]}}}""" },
        { "istio subset-level without services", """{"strategy":{"canary":{"trafficRouting":{"istio":{"virtualService":{"name":"vs"},"destinationRule":{"name":"dr","canarySubsetName":"canary","stableSubsetName":"stable"}}}}}}""" },
        { "istio host-level", """{"strategy":{"canary":{"stableService":"web-stable","canaryService":"web-canary","trafficRouting":{"istio":{"virtualServices":[{"name":"vs","routes":["primary"]},{"name":"vs2.other"}]}}}}}""" },
        { "router fields", """{"strategy":{"canary":{"stableService":"web-stable","canaryService":"web-canary","dynamicStableScale":true,"minPodsPerReplicaSet":2,"trafficRouting":{"nginx":{"stableIngress":"web"}},"steps":[{"setCanaryScale":{"replicas":2}},{"setWeight":20},{"setCanaryScale":{"matchTrafficWeight":true}}]}}}""" },
        { "router scale-down delays", """{"revisionHistoryLimit":3,"strategy":{"canary":{"stableService":"web-stable","canaryService":"web-canary","trafficRouting":{"nginx":{"stableIngress":"web"}},"scaleDownDelaySeconds":5,"abortScaleDownDelaySeconds":0,"scaleDownDelayRevisionLimit":3}}}""" },
        { "router abort delay with dynamicStableScale", """{"strategy":{"canary":{"stableService":"web-stable","canaryService":"web-canary","trafficRouting":{"nginx":{"stableIngress":"web"}},"dynamicStableScale":true,"abortScaleDownDelaySeconds":60}}}""" },
        { "two services", """{"strategy":{"canary":{"canaryService":"canary","stableService":"stable"}}}""" },
        { "progress deadline above minReadySeconds", """{"minReadySeconds":30,"progressDeadlineSeconds":31}""" },
        { "largest replicas without surge", """{"replicas":2147483647,"strategy":{"canary":{"maxSurge":0,"maxUnavailable":1}}}""" },
        { "blueGreen with activeService only", """{"strategy":{"canary":null,"blueGreen":{"activeService":"active"}}}""" },
        { "blueGreen with every field", """{"strategy":{"canary":null,"blueGreen":{"activeService":"active","previewService":"preview","previewReplicaCount":1,"autoPromotionEnabled":true,"autoPromotionSeconds":30,"maxUnavailable":"50%","scaleDownDelaySeconds":60,"scaleDownDelayRevisionLimit":2,"abortScaleDownDelaySeconds":0,"antiAffinity":{"preferredDuringSchedulingIgnoredDuringExecution":{"weight":50}},"activeMetadata":{"labels":{"role":"active"}},"previewMetadata":{"labels":{"role":"preview"}},"prePromotionAnalysis":{"templates":[{"templateName":"smoke"}]},"postPromotionAnalysis":{"templates":[{"templateName":"rate"}],"args":[{"name":"a","value":"b"}]}}}}""" },
        { "workloadRef to a Deployment", """{"template":null,"workloadRef":{"apiVersion":"apps/v1","kind":"Deployment","name":"web"}}""" },
        { "workloadRef progressively", """{"template":null,"workloadRef":{"apiVersion":"apps/v1","kind":"Deployment","name":"web","scaleDown":"progressively"}}""" },
        { "background analysis", """{"strategy":{"canary":{"analysis":{"templates":[{"templateName":"bg","clusterScope":true}]}}}}""" },
    };

    public static TheoryData<string, string, string> InvalidRows => new()
    {
        { "negative replicas", """{"replicas":-1}""", "spec.replicas: must not be negative, not -1" },
        { "workloadRef beside a template", """{"workloadRef":{"apiVersion":"apps/v1","kind":"Deployment","name":"web"}}""", "spec.template: template must be empty for workload reference rollout (the pod template comes from spec.workloadRef)" },
        { "workloadRef to a ReplicaSet", """{"template":null,"workloadRef":{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"web"}}""", "spec.workloadRef: workload of type \"apps/v1/ReplicaSet\" is not supported; Tollgate resolves apiVersion apps/v1, kind Deployment" },
        { "workloadRef without a name", """{"template":null,"workloadRef":{"apiVersion":"apps/v1","kind":"Deployment"}}""", "spec.workloadRef.name: the Deployment's name is required" },
        { "workloadRef with an unknown scaleDown", """{"template":null,"workloadRef":{"apiVersion":"apps/v1","kind":"Deployment","name":"web","scaleDown":"always"}}""", "spec.workloadRef.scaleDown: must be never, onsuccess or progressively, not \"always\"" },
        { "workloadRef not an object", """{"template":null,"workloadRef":"web"}""", "spec.workloadRef: must be an object with apiVersion, kind and name" },
        { "no template", """{"template":null}""", "spec.template: a pod template is required" },
        { "no containers", """{"template":{"spec":{"containers":[]}}}""", "spec.template.spec.containers: at least one container is required" },
        { "selector does not match labels", """{"template":{"metadata":{"labels":{"app":"other"}}}}""", "spec.template.metadata.labels: must match spec.selector, which wants \"app=web\"" },
        { "template without labels", """{"template":{"metadata":null}}""", "spec.template.metadata.labels: must match spec.selector, which wants \"app=web\"" },
        { "matchExpressions", """{"selector":{"matchExpressions":[{"key":"app","operator":"In","values":["web"]}]}}""", "spec.selector.matchExpressions: not supported; select the pods with matchLabels" },
        { "negative minReadySeconds", """{"minReadySeconds":-1}""", "spec.minReadySeconds: must not be negative, not -1" },
        { "negative revisionHistoryLimit", """{"revisionHistoryLimit":-1}""", "spec.revisionHistoryLimit: must not be negative, not -1" },
        { "negative progressDeadlineSeconds", """{"progressDeadlineSeconds":-1}""", "spec.progressDeadlineSeconds: must not be negative, not -1" },
        { "progress deadline not above minReadySeconds", """{"minReadySeconds":600}""", "spec.progressDeadlineSeconds: must be greater than minReadySeconds (600), not 600" },
        { "no strategy", """{"strategy":null}""", "spec.strategy: a strategy is required: set spec.strategy.canary or spec.strategy.blueGreen" },
        { "empty strategy", """{"strategy":{"canary":null}}""", "spec.strategy: a strategy is required: set spec.strategy.canary or spec.strategy.blueGreen" },
        { "both strategies", """{"strategy":{"blueGreen":{"activeService":"active"}}}""", "spec.strategy: set one strategy, canary or blueGreen, not both" },
        { "blueGreen without activeService", """{"strategy":{"canary":null,"blueGreen":{"previewService":"preview"}}}""", "spec.strategy.blueGreen.activeService: required: the Service the controller points at the active pods" },
        { "blueGreen one service for both", """{"strategy":{"canary":null,"blueGreen":{"activeService":"web","previewService":"web"}}}""", "spec.strategy.blueGreen.activeService: This rollout uses the same service for the active and preview services, but two different services are required." },
        { "blueGreen negative previewReplicaCount", """{"strategy":{"canary":null,"blueGreen":{"activeService":"a","previewReplicaCount":-1}}}""", "spec.strategy.blueGreen.previewReplicaCount: must not be negative, not -1" },
        { "blueGreen negative autoPromotionSeconds", """{"strategy":{"canary":null,"blueGreen":{"activeService":"a","autoPromotionSeconds":-5}}}""", "spec.strategy.blueGreen.autoPromotionSeconds: must not be negative, not -5" },
        { "blueGreen negative scaleDownDelaySeconds", """{"strategy":{"canary":null,"blueGreen":{"activeService":"a","scaleDownDelaySeconds":-1}}}""", "spec.strategy.blueGreen.scaleDownDelaySeconds: must not be negative, not -1" },
        { "blueGreen negative abortScaleDownDelaySeconds", """{"strategy":{"canary":null,"blueGreen":{"activeService":"a","abortScaleDownDelaySeconds":-1}}}""", "spec.strategy.blueGreen.abortScaleDownDelaySeconds: must not be negative, not -1" },
        { "blueGreen autoPromotionSeconds while disabled", """{"strategy":{"canary":null,"blueGreen":{"activeService":"a","autoPromotionEnabled":false,"autoPromotionSeconds":30}}}""", "spec.strategy.blueGreen.autoPromotionSeconds: takes effect only while autoPromotionEnabled is true; remove one of them" },
        { "blueGreen revision limit above history", """{"revisionHistoryLimit":2,"strategy":{"canary":null,"blueGreen":{"activeService":"a","scaleDownDelayRevisionLimit":3}}}""", "spec.strategy.blueGreen.scaleDownDelayRevisionLimit: This rollout's revision history limit can not be smaller than the rollout's scale down limit (2 < 3)" },
        { "blueGreen maxUnavailable not a number", """{"strategy":{"canary":null,"blueGreen":{"activeService":"a","maxUnavailable":"x"}}}""", "spec.strategy.blueGreen.maxUnavailable: \"x\" is neither a number of pods nor a percentage such as \"25%\"" },
        { "blueGreen antiAffinity with both", """{"strategy":{"canary":null,"blueGreen":{"activeService":"a","antiAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":{},"preferredDuringSchedulingIgnoredDuringExecution":{"weight":5}}}}}""", "spec.strategy.blueGreen.antiAffinity: AntiAffinity must have exactly one strategy listed" },
        { "blueGreen antiAffinity weight", """{"strategy":{"canary":null,"blueGreen":{"activeService":"a","antiAffinity":{"preferredDuringSchedulingIgnoredDuringExecution":{"weight":101}}}}}""", "spec.strategy.blueGreen.antiAffinity.weight: AntiAffinity weight must be between 1-100" },
        { "blueGreen pre-promotion template without a name", """{"strategy":{"canary":null,"blueGreen":{"activeService":"a","prePromotionAnalysis":{"templates":[{}]}}}}""", "spec.strategy.blueGreen.prePromotionAnalysis.templates[0].templateName: a template name is required" },
        { "trafficRouting without services", """{"strategy":{"canary":{"trafficRouting":{"nginx":{"stableIngress":"web"}}}}}""", "spec.strategy.canary.stableService: Canary service and Stable service must to be set to use Traffic Routing" },
        { "trafficRouting without canaryService", """{"strategy":{"canary":{"stableService":"s","trafficRouting":{"smi":{}}}}}""", "spec.strategy.canary.canaryService: Canary service and Stable service must to be set to use Traffic Routing" },
        { "trafficRouting with no router", """{"strategy":{"canary":{"stableService":"web-stable","canaryService":"web-canary","trafficRouting":{}}}}""", "spec.strategy.canary.trafficRouting: set a router; Tollgate routes with nginx, smi, istio and plugins[\"argoproj-labs/gatewayAPI\"]" },
        { "istio destinationRule without subsets", """{"strategy":{"canary":{"trafficRouting":{"istio":{"virtualService":{"name":"vs"},"destinationRule":{"name":"dr"}}}}}}""", "spec.strategy.canary.trafficRouting.istio.destinationRule: name, canarySubsetName and stableSubsetName are required" },
        { "istio additional subsets", """{"strategy":{"canary":{"trafficRouting":{"istio":{"virtualService":{"name":"vs"},"destinationRule":{"name":"dr","canarySubsetName":"c","stableSubsetName":"s","additionalSubsetNames":["x"]}}}}}}""", "spec.strategy.canary.trafficRouting.istio.destinationRule.additionalSubsetNames: not supported yet" },
        { "istio both virtualService fields", """{"strategy":{"canary":{"stableService":"web-stable","canaryService":"web-canary","trafficRouting":{"istio":{"virtualService":{"name":"a"},"virtualServices":[{"name":"b"}]}}}}}""", "spec.strategy.canary.trafficRouting.istio: either VirtualService or VirtualServices must be configured" },
        { "istio tcpRoutes", """{"strategy":{"canary":{"stableService":"web-stable","canaryService":"web-canary","trafficRouting":{"istio":{"virtualService":{"name":"vs","tcpRoutes":[{"port":3000}]}}}}}}""", "spec.strategy.canary.trafficRouting.istio.virtualService: tlsRoutes and tcpRoutes are not supported yet; Tollgate weighs HTTP routes" },
        { "alb", """{"strategy":{"canary":{"stableService":"web-stable","canaryService":"web-canary","trafficRouting":{"alb":{"ingress":"i"}}}}}""", "spec.strategy.canary.trafficRouting.alb: not supported yet; Tollgate routes with nginx, smi, istio and plugins[\"argoproj-labs/gatewayAPI\"]" },
        { "nginx without ingress", """{"strategy":{"canary":{"stableService":"web-stable","canaryService":"web-canary","trafficRouting":{"nginx":{}}}}}""", "spec.strategy.canary.trafficRouting.nginx.stableIngress: set stableIngress or stableIngresses" },
        { "nginx with both ingress fields", """{"strategy":{"canary":{"stableService":"web-stable","canaryService":"web-canary","trafficRouting":{"nginx":{"stableIngress":"a","stableIngresses":["b"]}}}}}""", "spec.strategy.canary.trafficRouting.nginx.stableIngresses: set stableIngress or stableIngresses, not both" },
        { "unknown plugin", """{"strategy":{"canary":{"stableService":"web-stable","canaryService":"web-canary","trafficRouting":{"plugins":{"acme/mesh":{}}}}}}""", "spec.strategy.canary.trafficRouting.plugins: \"acme/mesh\" is not a supported plugin; supported: argoproj-labs/gatewayAPI" },
        { "gateway without route", """{"strategy":{"canary":{"stableService":"web-stable","canaryService":"web-canary","trafficRouting":{"plugins":{"argoproj-labs/gatewayAPI":{"namespace":"n"}}}}}}""", "spec.strategy.canary.trafficRouting.plugins[\"argoproj-labs/gatewayAPI\"]: set httpRoute or httpRoutes" },
        { "gateway config not an object", """{"strategy":{"canary":{"stableService":"web-stable","canaryService":"web-canary","trafficRouting":{"plugins":{"argoproj-labs/gatewayAPI":"route"}}}}}""", "spec.strategy.canary.trafficRouting.plugins[\"argoproj-labs/gatewayAPI\"]: not the plugin's configuration: expected an object, not string" },
        { "gateway grpcRoute", """{"strategy":{"canary":{"stableService":"web-stable","canaryService":"web-canary","trafficRouting":{"plugins":{"argoproj-labs/gatewayAPI":{"grpcRoute":"g"}}}}}}""", "spec.strategy.canary.trafficRouting.plugins[\"argoproj-labs/gatewayAPI\"].grpcRoute: not supported yet; Tollgate weighs HTTPRoutes (httpRoute, httpRoutes, namespace, the in-progress label)" },
        { "maxTrafficWeight", """{"strategy":{"canary":{"stableService":"web-stable","canaryService":"web-canary","trafficRouting":{"nginx":{"stableIngress":"a"},"maxTrafficWeight":1000}}}}""", "spec.strategy.canary.trafficRouting.maxTrafficWeight: not supported yet; weights are percentages of 100" },
        { "managedRoutes with nginx", """{"strategy":{"canary":{"stableService":"web-stable","canaryService":"web-canary","trafficRouting":{"nginx":{"stableIngress":"a"},"managedRoutes":[{"name":"h"}]}}}}""", "spec.strategy.canary.trafficRouting.managedRoutes: only istio and the argoproj-labs/gatewayAPI plugin take managed routes among Tollgate's routers (Argo's NGINX and SMI routers have none)" },
        { "scaleDownDelaySeconds with dynamicStableScale", """{"strategy":{"canary":{"stableService":"web-stable","canaryService":"web-canary","trafficRouting":{"nginx":{"stableIngress":"a"}},"dynamicStableScale":true,"scaleDownDelaySeconds":30}}}""", "spec.strategy.canary.dynamicStableScale: Canary dynamicStableScale cannot be used with scaleDownDelaySeconds" },
        { "canary revision limit above history", """{"revisionHistoryLimit":2,"strategy":{"canary":{"stableService":"web-stable","canaryService":"web-canary","trafficRouting":{"nginx":{"stableIngress":"a"}},"scaleDownDelayRevisionLimit":3}}}""", "spec.strategy.canary.scaleDownDelayRevisionLimit: This rollout's revision history limit can not be smaller than the rollout's scale down limit (2 < 3)" },
        { "canary negative scaleDownDelaySeconds", """{"strategy":{"canary":{"stableService":"web-stable","canaryService":"web-canary","trafficRouting":{"nginx":{"stableIngress":"a"}},"scaleDownDelaySeconds":-1}}}""", "spec.strategy.canary.scaleDownDelaySeconds: must not be negative, not -1" },
        { "canary negative abortScaleDownDelaySeconds", """{"strategy":{"canary":{"stableService":"web-stable","canaryService":"web-canary","trafficRouting":{"nginx":{"stableIngress":"a"}},"abortScaleDownDelaySeconds":-1}}}""", "spec.strategy.canary.abortScaleDownDelaySeconds: must not be negative, not -1" },
        { "setHeaderRoute with nginx", """{"strategy":{"canary":{"stableService":"web-stable","canaryService":"web-canary","trafficRouting":{"nginx":{"stableIngress":"a"}},"steps":[{"setHeaderRoute":{"name":"h"}}]}}}""", $"{Steps}.setHeaderRoute: SetHeaderRoute requires TrafficRouting, supports Istio and ALB and Apisix" },
        { "setHeaderRoute without managedRoutes", """{"strategy":{"canary":{"stableService":"web-stable","canaryService":"web-canary","trafficRouting":{"plugins":{"argoproj-labs/gatewayAPI":{"httpRoute":"r"}}},"steps":[{"setHeaderRoute":{"name":"h","match":[{"headerName":"X","headerValue":{"exact":"1"}}]}}]}}}""", "spec.strategy.canary.trafficRouting.managedRoutes: Rollout has missing field 'spec.strategy.canary.trafficRouting.managedRoutes'" },
        { "setHeaderRoute not in managedRoutes", """{"strategy":{"canary":{"stableService":"web-stable","canaryService":"web-canary","trafficRouting":{"plugins":{"argoproj-labs/gatewayAPI":{"httpRoute":"r"}},"managedRoutes":[{"name":"other"}]},"steps":[{"setHeaderRoute":{"name":"h"}}]}}}""", $"{Steps}.setHeaderRoute.name: Steps define a route that does not exist in spec.strategy.canary.trafficRouting.managedRoutes" },
        { "setHeaderRoute match with two values", """{"strategy":{"canary":{"stableService":"web-stable","canaryService":"web-canary","trafficRouting":{"plugins":{"argoproj-labs/gatewayAPI":{"httpRoute":"r"}},"managedRoutes":[{"name":"h"}]},"steps":[{"setHeaderRoute":{"name":"h","match":[{"headerName":"X","headerValue":{"exact":"1","prefix":"2"}}]}}]}}}""", $"{Steps}.setHeaderRoute.match[0]: StringMatch match value must have exactly one of the following: exact, regex, prefix" },
        { "setHeaderRoute match without value", """{"strategy":{"canary":{"stableService":"web-stable","canaryService":"web-canary","trafficRouting":{"plugins":{"argoproj-labs/gatewayAPI":{"httpRoute":"r"}},"managedRoutes":[{"name":"h"}]},"steps":[{"setHeaderRoute":{"name":"h","match":[{"headerName":"X","headerValue":{}}]}}]}}}""", $"{Steps}.setHeaderRoute.match[0]: StringMatch value missed, match value must have one of the following: exact, regex, prefix" },
        { "setMirrorRoute with nginx", """{"strategy":{"canary":{"stableService":"web-stable","canaryService":"web-canary","trafficRouting":{"nginx":{"stableIngress":"a"}},"steps":[{"setMirrorRoute":{"name":"m"}}]}}}""", $"{Steps}.setMirrorRoute: SetMirrorRoute requires TrafficRouting, supports Istio and Plugins" },
        { "setMirrorRoute without managedRoutes", """{"strategy":{"canary":{"stableService":"web-stable","canaryService":"web-canary","trafficRouting":{"istio":{"virtualService":{"name":"vs"}}},"steps":[{"setMirrorRoute":{"name":"m"}}]}}}""", "spec.strategy.canary.trafficRouting.managedRoutes: Rollout has missing field 'spec.strategy.canary.trafficRouting.managedRoutes'" },
        { "setMirrorRoute not in managedRoutes", """{"strategy":{"canary":{"stableService":"web-stable","canaryService":"web-canary","trafficRouting":{"istio":{"virtualService":{"name":"vs","routes":["primary"]}},"managedRoutes":[{"name":"m"},{"name":"h"}]},"steps":[{"setMirrorRoute":{"name":"other"}}]}}}""", $"{Steps}.setMirrorRoute.name: Steps define a route that does not exist in spec.strategy.canary.trafficRouting.managedRoutes" },
        { "setMirrorRoute method with two values", """{"strategy":{"canary":{"stableService":"web-stable","canaryService":"web-canary","trafficRouting":{"istio":{"virtualService":{"name":"vs","routes":["primary"]}},"managedRoutes":[{"name":"m"},{"name":"h"}]},"steps":[{"setMirrorRoute":{"name":"m","match":[{"method":{"exact":"GET","regex":"P.*"}}]}}]}}}""", $"{Steps}.setMirrorRoute.match[0].method: StringMatch match value must have exactly one of the following: exact, regex, prefix" },
        { "setMirrorRoute path without value", """{"strategy":{"canary":{"stableService":"web-stable","canaryService":"web-canary","trafficRouting":{"istio":{"virtualService":{"name":"vs","routes":["primary"]}},"managedRoutes":[{"name":"m"},{"name":"h"}]},"steps":[{"setMirrorRoute":{"name":"m","match":[{"path":{}}]}}]}}}""", $"{Steps}.setMirrorRoute.match[0].path: StringMatch value missed, match value must have one of the following: exact, regex, prefix" },
        { "setMirrorRoute header without value", """{"strategy":{"canary":{"stableService":"web-stable","canaryService":"web-canary","trafficRouting":{"istio":{"virtualService":{"name":"vs","routes":["primary"]}},"managedRoutes":[{"name":"m"},{"name":"h"}]},"steps":[{"setMirrorRoute":{"name":"m","match":[{"headers":{"X-A":{}}}]}}]}}}""", $"{Steps}.setMirrorRoute.match[0].headers[\"X-A\"]: StringMatch value missed, match value must have one of the following: exact, regex, prefix" },
        { "setMirrorRoute percentage above 100", """{"strategy":{"canary":{"stableService":"web-stable","canaryService":"web-canary","trafficRouting":{"istio":{"virtualService":{"name":"vs","routes":["primary"]}},"managedRoutes":[{"name":"m"},{"name":"h"}]},"steps":[{"setMirrorRoute":{"name":"m","percentage":101,"match":[]}}]}}}""", $"{Steps}.setMirrorRoute.percentage: must be within 0..100, not 101" },
        { "istio setHeaderRoute with empty match", """{"strategy":{"canary":{"stableService":"web-stable","canaryService":"web-canary","trafficRouting":{"istio":{"virtualService":{"name":"vs","routes":["primary"]}},"managedRoutes":[{"name":"m"},{"name":"h"}]},"steps":[{"setHeaderRoute":{"name":"h","match":[]}}]}}}""", $"{Steps}.setHeaderRoute.match: an empty list would send every request to the canary (Argo's Istio router writes a route without match); omit match to remove the route" },
        { "istio managed route named like the weighted route", """{"strategy":{"canary":{"stableService":"web-stable","canaryService":"web-canary","trafficRouting":{"istio":{"virtualServices":[{"name":"vs","routes":["primary"]}]},"managedRoutes":[{"name":"h"},{"name":"primary"}]},"steps":[{"setWeight":10}]}}}""", "spec.strategy.canary.trafficRouting.managedRoutes[1].name: \"primary\" is also a route of istio virtualService routes; managed routes are deleted at the end of a rollout" },
        { "managedRoutes named twice", """{"strategy":{"canary":{"stableService":"web-stable","canaryService":"web-canary","trafficRouting":{"plugins":{"argoproj-labs/gatewayAPI":{"httpRoute":"r"}},"managedRoutes":[{"name":"h"},{"name":"h"}]}}}}""", "spec.strategy.canary.trafficRouting.managedRoutes[1].name: \"h\" is listed twice" },
        { "setMirrorRoute with gateway", """{"strategy":{"canary":{"stableService":"web-stable","canaryService":"web-canary","trafficRouting":{"plugins":{"argoproj-labs/gatewayAPI":{"httpRoute":"r"}},"managedRoutes":[{"name":"m"}]},"steps":[{"setMirrorRoute":{"name":"m"}}]}}}""", $"{Steps}.setMirrorRoute: the argoproj-labs/gatewayAPI plugin does not mirror traffic (Argo accepts the step and does nothing); Tollgate mirrors with istio only" },
        { "maxSurge and maxUnavailable zero", """{"strategy":{"canary":{"maxSurge":0,"maxUnavailable":0}}}""", "spec.strategy.canary.maxSurge: maxSurge and maxUnavailable cannot both be zero: the rollout could never replace a pod" },
        { "zero percent and zero", """{"strategy":{"canary":{"maxSurge":"0%","maxUnavailable":0}}}""", "spec.strategy.canary.maxSurge: maxSurge and maxUnavailable cannot both be zero: the rollout could never replace a pod" },
        { "negative maxSurge", """{"strategy":{"canary":{"maxSurge":-1}}}""", "spec.strategy.canary.maxSurge: must not be negative, not -1" },
        { "maxUnavailable not a number", """{"strategy":{"canary":{"maxUnavailable":"abc"}}}""", "spec.strategy.canary.maxUnavailable: \"abc\" is neither a number of pods nor a percentage such as \"25%\"" },
        { "maxSurge percentage beyond int", """{"strategy":{"canary":{"maxSurge":"99999999999%"}}}""", "spec.strategy.canary.maxSurge: \"99999999999%\" is neither a number of pods nor a percentage such as \"25%\"" },
        { "largest replicas with default surge", """{"replicas":2147483647}""", "spec.strategy.canary.maxSurge: spec.replicas (2147483647) plus maxSurge (536870912 pods) exceeds 2147483647 pods" },
        { "one service for both", """{"strategy":{"canary":{"canaryService":"web","stableService":"web"}}}""", "spec.strategy.canary.stableService: the stable and canary services must be two different services, not both \"web\"" },
        { "scaleDownDelaySeconds without router", """{"strategy":{"canary":{"scaleDownDelaySeconds":30}}}""", "spec.strategy.canary.scaleDownDelaySeconds: Canary scaleDownDelaySeconds can only be used with traffic routing" },
        { "dynamicStableScale without router", """{"strategy":{"canary":{"dynamicStableScale":true}}}""", "spec.strategy.canary.dynamicStableScale: Canary dynamicStableScale can only be used with traffic routing" },
        { "abortScaleDownDelaySeconds without router", """{"strategy":{"canary":{"abortScaleDownDelaySeconds":30}}}""", "spec.strategy.canary.abortScaleDownDelaySeconds: takes effect only with traffic routing; remove it" },
        { "abortScaleDownDelaySeconds zero without router", """{"strategy":{"canary":{"abortScaleDownDelaySeconds":0}}}""", "spec.strategy.canary.abortScaleDownDelaySeconds: takes effect only with traffic routing; remove it" },
        { "scaleDownDelayRevisionLimit without router", """{"strategy":{"canary":{"scaleDownDelayRevisionLimit":2}}}""", "spec.strategy.canary.scaleDownDelayRevisionLimit: takes effect only with traffic routing; remove it" },
        { "minPodsPerReplicaSet without router", """{"strategy":{"canary":{"minPodsPerReplicaSet":2}}}""", "spec.strategy.canary.minPodsPerReplicaSet: takes effect only with traffic routing; remove it" },
        { "pingPong without router", """{"strategy":{"canary":{"pingPong":{"pingService":"ping","pongService":"pong"}}}}""", "spec.strategy.canary.pingPong: takes effect only with traffic routing; remove it" },
        { "empty step", """{"strategy":{"canary":{"steps":[{}]}}}""", $"{Steps}: {OneStepKind}" },
        { "unknown step kind", """{"strategy":{"canary":{"steps":[{"setWeights":10}]}}}""", $"{Steps}: {OneStepKind}" },
        { "null step", """{"strategy":{"canary":{"steps":[null]}}}""", $"{Steps}: {OneStepKind}" },
        { "two step kinds", """{"strategy":{"canary":{"steps":[{"setWeight":10,"pause":{}}]}}}""", $"{Steps}: {OneStepKind}, not several (setWeight, pause)" },
        { "weight above 100", """{"strategy":{"canary":{"steps":[{"setWeight":101}]}}}""", $"{Steps}.setWeight: must be within 0..100, not 101" },
        { "negative weight", """{"strategy":{"canary":{"steps":[{"setWeight":-1}]}}}""", $"{Steps}.setWeight: must be within 0..100, not -1" },
        { "smallest weight", """{"strategy":{"canary":{"steps":[{"setWeight":-2147483648}]}}}""", $"{Steps}.setWeight: must be within 0..100, not -2147483648" },
        { "negative pause seconds", """{"strategy":{"canary":{"steps":[{"pause":{"duration":-1}}]}}}""", $"{Steps}.pause.duration: must not be negative, not \"-1\"" },
        { "negative pause duration", """{"strategy":{"canary":{"steps":[{"pause":{"duration":"-5s"}}]}}}""", $"{Steps}.pause.duration: must not be negative, not \"-5s\"" },
        { "pause in days", """{"strategy":{"canary":{"steps":[{"pause":{"duration":"1d"}}]}}}""", $"{Steps}.pause.duration: unknown unit \"d\" in duration \"1d\" (use ns, us, ms, s, m or h); a pause duration is a number of seconds or a duration such as 30s, 1.5h or 1h30m" },
        { "pause in words", """{"strategy":{"canary":{"steps":[{"pause":{"duration":"5 minutes"}}]}}}""", $"{Steps}.pause.duration: unknown unit \" minutes\" in duration \"5 minutes\" (use ns, us, ms, s, m or h); a pause duration is a number of seconds or a duration such as 30s, 1.5h or 1h30m" },
        { "pause beyond 32-bit seconds", """{"strategy":{"canary":{"steps":[{"pause":{"duration":"1000000h"}}]}}}""", $"{Steps}.pause.duration: \"1000000h\" is longer than 2147483647 seconds, the longest pause" },
        { "setCanaryScale without router", """{"strategy":{"canary":{"steps":[{"setCanaryScale":{"weight":50}}]}}}""", $"{Steps}.setCanaryScale: SetCanaryScale requires TrafficRouting to be set" },
        { "experiment", """{"strategy":{"canary":{"steps":[{"experiment":{"templates":[]}}]}}}""", $"{Steps}.experiment: experiment steps are not supported yet" },
        { "setHeaderRoute", """{"strategy":{"canary":{"steps":[{"setHeaderRoute":{"name":"h"}}]}}}""", $"{Steps}.setHeaderRoute: SetHeaderRoute requires TrafficRouting, supports Istio and ALB and Apisix" },
        { "setMirrorRoute", """{"strategy":{"canary":{"steps":[{"setMirrorRoute":{"name":"m"}}]}}}""", $"{Steps}.setMirrorRoute: SetMirrorRoute requires TrafficRouting, supports Istio and Plugins" },
        { "plugin step", """{"strategy":{"canary":{"steps":[{"plugin":{"name":"p"}}]}}}""", $"{Steps}.plugin: step plugins are not supported" },
        { "analysis step without name", """{"strategy":{"canary":{"steps":[{"analysis":{"templates":[{}]}}]}}}""", $"{Steps}.analysis.templates[0].templateName: a template name is required" },
        { "background analysis without name", """{"strategy":{"canary":{"analysis":{"templates":[{"templateName":" "}]}}}}""", "spec.strategy.canary.analysis.templates[0].templateName: a template name is required" },
    };

    [Theory]
    [MemberData(nameof(ValidRows))]
    public void Validate_ValidRow_NoMessages(string row, string specPatch)
    {
        var messages = RolloutSpecValidator.Validate(RolloutSpecRows.Rollout(specPatch));

        Assert.True(messages.Count == 0, $"{row}: {string.Join(" | ", messages)}");
    }

    [Theory]
    [MemberData(nameof(InvalidRows))]
    public void Validate_InvalidRow_FirstMessageNamesFieldAndReason(string row, string specPatch, string message)
    {
        var messages = RolloutSpecValidator.Validate(RolloutSpecRows.Rollout(specPatch));

        Assert.True(messages.Count > 0, row);
        Assert.Equal(message, messages[0]);
    }

    [Fact]
    public void Validate_SeveralProblems_MostBasicFirstAndAllListed()
    {
        var messages = RolloutSpecValidator.Validate(RolloutSpecRows.Rollout(
            """{"replicas":-2,"strategy":{"canary":{"dynamicStableScale":true,"steps":[{"setWeight":150},{"pause":{"duration":"soon"}}]}}}"""));

        Assert.Equal(4, messages.Count);
        Assert.Equal("spec.replicas: must not be negative, not -2", messages[0]);
        Assert.StartsWith("spec.strategy.canary.dynamicStableScale:", messages[1], StringComparison.Ordinal);
        Assert.StartsWith("spec.strategy.canary.steps[0].setWeight:", messages[2], StringComparison.Ordinal);
        Assert.StartsWith("spec.strategy.canary.steps[1].pause.duration:", messages[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TenThousandValidSteps_Valid()
    {
        var rollout = RolloutSpecRows.Rollout("{}");
        rollout.Spec.Strategy!.Canary!.Steps = [.. Enumerable.Range(0, 10_000).Select(i => new CanaryStep { SetWeight = i % 101 })];

        Assert.Empty(RolloutSpecValidator.Validate(rollout));
    }

    [Fact]
    public void Validate_TenThousandBadSteps_EveryOneNamedFirstOneFirst()
    {
        var rollout = RolloutSpecRows.Rollout("{}");
        rollout.Spec.Strategy!.Canary!.Steps = [.. Enumerable.Range(0, 10_000).Select(_ => new CanaryStep { SetWeight = 101 })];

        var messages = RolloutSpecValidator.Validate(rollout);

        Assert.Equal(10_000, messages.Count);
        Assert.Equal($"{Steps}.setWeight: must be within 0..100, not 101", messages[0]);
        Assert.Equal("spec.strategy.canary.steps[9999].setWeight: must be within 0..100, not 101", messages[^1]);
    }

    [Fact]
    public void Validate_HugePauseDuration_RefusedWithShortMessage()
    {
        var huge = new string('9', 1_000_000) + "h";

        var messages = RolloutSpecValidator.Validate(RolloutSpecRows.Rollout(
            JsonSerializer.Serialize(new { strategy = new { canary = new { steps = new[] { new { pause = new { duration = huge } } } } } })));

        Assert.Single(messages);
        Assert.StartsWith($"{Steps}.pause.duration: invalid duration \"999", messages[0], StringComparison.Ordinal);
        Assert.True(messages[0].Length < 400, messages[0]);
    }

    [Fact]
    public void Validate_HugeSelectorValue_RefusedWithShortMessage()
    {
        var huge = new string('x', 1_000_000);

        var messages = RolloutSpecValidator.Validate(RolloutSpecRows.Rollout(
            JsonSerializer.Serialize(new { selector = new { matchLabels = new { app = huge } } })));

        Assert.Single(messages);
        Assert.True(messages[0].Length < 400, messages[0]);
    }

    [Fact]
    public void Validate_NullSpec_RefusedNotThrown()
    {
        var rollout = JsonSerializer.Deserialize("""{"metadata":{"name":"x"},"spec":null}""", RolloutsJsonContext.Default.Rollout)!;

        Assert.Equal("spec.template: a pod template is required", RolloutSpecValidator.Validate(rollout)[0]);
    }

    [Fact]
    public void Findings_AnalysisSteps_CollectsTemplatesWithFields()
    {
        var findings = RolloutSpecValidator.Findings(RolloutSpecRows.Rollout(
            """{"strategy":{"canary":{"analysis":{"templates":[{"templateName":"bg","clusterScope":true}]},"steps":[{"analysis":{"templates":[{"templateName":"rate"}]}}]}}}"""));

        Assert.Empty(findings.Errors);
        Assert.Equal(
            [new TemplateReference("rate", false, "spec.strategy.canary.steps[0].analysis.templates[0]"), new TemplateReference("bg", true, "spec.strategy.canary.analysis.templates[0]")],
            findings.Templates);
    }
}
