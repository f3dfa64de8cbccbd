using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace Tollgate.Reliability.Tests.Support;

/// <summary>A client connection held open by hand: plain TCP, or TLS with as many request bytes as the test chooses.</summary>
public sealed class RawConnection : IAsyncDisposable
{
    private readonly TcpClient tcp;
    private SslStream? tls;

    private RawConnection(TcpClient tcp) => this.tcp = tcp;

    public static async Task<RawConnection> OpenAsync(Uri server, bool handshake, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        var connection = new RawConnection(new TcpClient());
        await connection.tcp.ConnectAsync(server.Host, server.Port, cancellationToken);
        if (handshake)
        {
            connection.tls = new SslStream(connection.tcp.GetStream(), leaveInnerStreamOpen: false, (_, _, _, _) => true);
            await connection.tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = server.Host }, cancellationToken);
        }

        return connection;
    }

    public async Task WriteAsync(string text, CancellationToken cancellationToken) =>
        await WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);

    public async Task WriteAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        var stream = tls ?? throw new InvalidOperationException("no TLS session");
        await stream.WriteAsync(bytes, cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    /// <summary>The HTTP status the server answered with, 0 when it closed the connection without one, null when it has said nothing yet.</summary>
    public async Task<int?> StatusAsync(TimeSpan wait)
    {
        var stream = tls ?? throw new InvalidOperationException("no TLS session");
        using var timeout = new CancellationTokenSource(wait);
        var buffer = new byte[64];
        try
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            var line = Encoding.ASCII.GetString(buffer, 0, read);
            return read == 0 ? 0 : line.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) ? int.Parse(line[9..12], System.Globalization.CultureInfo.InvariantCulture) : -1;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (tls is not null)
        {
            await tls.DisposeAsync();
        }

        tcp.Dispose();
    }
}
