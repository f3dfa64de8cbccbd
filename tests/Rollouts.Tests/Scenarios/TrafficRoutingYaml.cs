namespace Tollgate.Rollouts.Tests.Scenarios;

/// <summary>Manifests of the traffic-routing scenarios: Services, a stable Ingress, an HTTPRoute, a routed Rollout.</summary>
internal static class TrafficRoutingYaml
{
    /// <summary>The seed's shape on 4 pods: 10/30/50/100 with indefinite pauses between them.</summary>
    public const string SeedSteps = "- setWeight: 10\n- pause: {}\n- setWeight: 30\n- pause: {}\n- setWeight: 50\n- pause: {}\n- setWeight: 100";

    public const string Services = """
        apiVersion: v1
        kind: Service
        metadata:
          name: web-stable
        spec:
          selector: {app: web}
          ports: [{port: 80}]
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: web-canary
        spec:
          selector: {app: web}
          ports: [{port: 80}]
        """;

    public const string StableIngress = """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: web
          annotations:
            kubernetes.io/ingress.class: nginx
            team: shop
        spec:
          tls:
          - hosts: [shop.example]
            secretName: shop-tls
          rules:
          - host: shop.example
            http:
              paths:
              - path: /
                pathType: Prefix
                backend:
                  service: {name: web-stable, port: {number: 80}}
          - host: admin.example
            http:
              paths:
              - path: /
                pathType: Prefix
                backend:
                  service: {name: admin, port: {number: 80}}
        """;

    public const string HttpRoute = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata:
          name: web-route
          labels: {owner: platform}
        spec:
          parentRefs:
          - name: edge
          hostnames: [shop.example]
          rules:
          - matches:
            - path: {type: PathPrefix, value: /}
            backendRefs:
            - name: web-stable
              port: 80
              weight: 100
            - name: web-canary
              port: 80
              weight: 0
        """;

    public const string VirtualService = """
        apiVersion: networking.istio.io/v1alpha3
        kind: VirtualService
        metadata:
          name: web-vs
        spec:
          hosts: [shop.example]
          gateways: [edge]
          http:
          - name: primary
            match:
            - uri: {prefix: /}
            retries: {attempts: 3}
            route:
            - destination: {host: web-stable, port: {number: 80}}
              weight: 100
            - destination: {host: web-canary, port: {number: 80}}
              weight: 0
        """;

    /// <summary>The VirtualService with a second user route after the weighted one, for managed routes to leave alone.</summary>
    public const string VirtualServiceWithAdmin = VirtualService + """

          - name: admin
            match:
            - uri: {prefix: /admin}
            timeout: 5s
            route:
            - destination: {host: admin, port: {number: 9090}}
        """;

    public const string IstioManagedRoutes = Istio + "\nmanagedRoutes:\n- name: mirror-route\n- name: canary-header";

    public const string IstioSubsetsManagedRoutes = IstioSubsets + "\nmanagedRoutes:\n- name: mirror-route\n- name: canary-header";

    public const string HeaderRouteStep = "- setHeaderRoute:\n    name: canary-header\n    match:\n    - headerName: X-Canary\n      headerValue: {exact: \"yes\"}";

    public const string MirrorRouteStep = "- setMirrorRoute:\n    name: mirror-route\n    percentage: 35\n    match:\n    - method: {exact: GET}\n      path: {prefix: /api}";

    /// <param name="routing">The trafficRouting block, indented for its place under canary.</param>
    public static string Rollout(string image, string routing, string steps = SeedSteps, string extra = "", bool services = true) => $$"""
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata:
          name: web-app
        spec:
          replicas: 4
          selector:
            matchLabels: {app: web}
          strategy:
            canary:
        {{(services ? "      stableService: web-stable\n      canaryService: web-canary\n" : "")}}{{extra}}      trafficRouting:
        {{Indent(routing, 8)}}
              steps:
        {{Indent(steps, 6)}}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
              - name: web
                image: {{image}}
        """;

    public const string Nginx = "nginx:\n  stableIngress: web\n  additionalIngressAnnotations:\n    canary-by-header: X-Canary";

    public const string SubsetRouting = """
        apiVersion: networking.istio.io/v1alpha3
        kind: VirtualService
        metadata:
          name: web-vs
        spec:
          hosts: [web]
          http:
          - route:
            - destination: {host: web, subset: stable}
              weight: 100
            - destination: {host: web, subset: canary}
              weight: 0
        ---
        apiVersion: networking.istio.io/v1alpha3
        kind: DestinationRule
        metadata:
          name: web-dr
        spec:
          host: web
          trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}
          subsets:
          - name: canary
            labels: {app: web}
          - name: stable
            labels: {app: web}
          - name: debug
            labels: {app: web, debug: "true"}
        """;

    public const string IstioSubsets = "istio:\n  virtualService: {name: web-vs}\n  destinationRule: {name: web-dr, canarySubsetName: canary, stableSubsetName: stable}";

    public const string Istio = "istio:\n  virtualService:\n    name: web-vs\n    routes: [primary]";

    public const string Smi = "smi:\n  rootService: web";

    public const string GatewayApi = "plugins:\n  argoproj-labs/gatewayAPI:\n    httpRoute: web-route";

    private static string Indent(string text, int spaces) =>
        string.Join("\n", text.Split('\n').Select(line => new string(' ', spaces) + line));
}
