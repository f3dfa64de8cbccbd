namespace Tollgate.Webhooks.Decisions;

/// <summary>Who is asking, as far as Tollgate's rules care.</summary>
public enum IdentityKind
{
    /// <summary>Anyone else: subject to every rule.</summary>
    Human,

    /// <summary>A GitOps controller (Argo CD, Tollgate's rollout controller): skips role checks and the drift guard.</summary>
    Controller,

    /// <summary>A Kubernetes component (controllers, HPA, garbage collector, kubelet): passes.</summary>
    System,

    /// <summary>A member of an admin group: skips role checks and the drift guard, logged and counted; not project limits.</summary>
    Admin,
}
