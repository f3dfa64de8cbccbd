namespace Tollgate.Webhooks.Settings;

public sealed class TrackingDocument
{
    /// <summary><c>annotation</c>, <c>label</c>, or <c>annotation+label</c> (also <c>both</c>).</summary>
    public string? Method { get; set; }

    public string? LabelKey { get; set; }
}
