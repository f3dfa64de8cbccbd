namespace Tollgate.Testing.ControlPlane;

/// <summary>The test control plane could not start or answer; the message carries the server's log tail.</summary>
public sealed class ControlPlaneException : Exception
{
    public ControlPlaneException()
    {
    }

    public ControlPlaneException(string message)
        : base(message)
    {
    }

    public ControlPlaneException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
