using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace Tollgate.Shared.Admission.Certificates;

/// <summary>
/// A serving certificate read from PEM files (tls.crt and tls.key) and reloaded whenever their content changes, so a
/// rotated certificate is served without a restart. Kubernetes updates a mounted Secret by swapping a symlink
/// (<c>..data</c>) in the files' directory, which a watcher on the files themselves would miss, so the directory is
/// watched and, because watchers can drop events, the content is also compared periodically.
/// </summary>
public sealed class ReloadingCertificate : IDisposable
{
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(100);

    private readonly string certificatePath;
    private readonly string keyPath;
    private readonly ILogger logger;
    private readonly Lock reloadLock = new();
    private readonly List<FileSystemWatcher> watchers = [];
    private readonly ITimer poll;
    private readonly ITimer debounce;
    private LoadedCertificate current;

    /// <summary>Loads the files now (throws when they are unusable) and watches them until disposed.</summary>
    public ReloadingCertificate(string certificatePath, string keyPath, ILogger<ReloadingCertificate> logger, TimeSpan? pollInterval = null, TimeProvider? time = null)
    {
        this.certificatePath = Path.GetFullPath(certificatePath);
        this.keyPath = Path.GetFullPath(keyPath);
        this.logger = logger;
        current = Load(ReadFiles());
        logger.CertificateLoaded(this.certificatePath, current.Certificate.Subject, current.Certificate.SerialNumber, current.Certificate.NotAfter);

        time ??= TimeProvider.System;
        debounce = time.CreateTimer(_ => TryReload(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        var interval = pollInterval ?? DefaultPollInterval;
        poll = time.CreateTimer(_ => TryReload(), null, interval, interval);
        foreach (var directory in new[] { Path.GetDirectoryName(this.certificatePath)!, Path.GetDirectoryName(this.keyPath)! }.Distinct(StringComparer.Ordinal))
        {
            watchers.Add(Watch(directory));
        }
    }

    /// <summary>The certificate to serve now (with its private key).</summary>
    public X509Certificate2 Current => Volatile.Read(ref current).Certificate;

    /// <summary>Raised after a new certificate has been loaded.</summary>
    public event EventHandler<X509Certificate2>? Reloaded;

    /// <summary>
    /// Reloads when the files changed. Returns true when a new certificate is now served; false when nothing changed or
    /// the new files are unusable (half written, key not matching), in which case the old certificate stays.
    /// </summary>
    public bool TryReload()
    {
        lock (reloadLock)
        {
            LoadedCertificate next;
            try
            {
                var files = ReadFiles();
                if (files.Fingerprint.AsSpan().SequenceEqual(current.Fingerprint))
                {
                    return false;
                }

                next = Load(files);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
            {
                logger.CertificateReloadFailed(e, certificatePath, keyPath);
                return false;
            }

            // The previous certificate is not disposed: a handshake may still be using it.
            Volatile.Write(ref current, next);
            logger.CertificateLoaded(certificatePath, next.Certificate.Subject, next.Certificate.SerialNumber, next.Certificate.NotAfter);
        }

        Reloaded?.Invoke(this, Current);
        return true;
    }

    public void Dispose()
    {
        foreach (var watcher in watchers)
        {
            watcher.Dispose();
        }

        poll.Dispose();
        debounce.Dispose();
    }

    private FileSystemWatcher Watch(string directory)
    {
        var watcher = new FileSystemWatcher(directory)
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
            IncludeSubdirectories = false,
        };

        // Writers touch the files in several steps; wait for a quiet moment before reading them.
        void Changed(object sender, FileSystemEventArgs e)
        {
            try
            {
                debounce.Change(Debounce, Timeout.InfiniteTimeSpan);
            }
            catch (ObjectDisposedException)
            {
                // An event already in flight when Dispose ran; an exception here would take the process down.
            }
        }

        watcher.Changed += Changed;
        watcher.Created += Changed;
        watcher.Deleted += Changed;
        watcher.Renamed += Changed;
        watcher.Error += (_, e) => logger.CertificateWatchFailed(e.GetException(), directory);
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    private (byte[] Certificate, byte[] Key, byte[] Fingerprint) ReadFiles()
    {
        var certificate = File.ReadAllBytes(certificatePath);
        var key = File.ReadAllBytes(keyPath);
        return (certificate, key, SHA256.HashData([.. certificate, .. key]));
    }

    private static LoadedCertificate Load((byte[] Certificate, byte[] Key, byte[] Fingerprint) files)
    {
        var certificate = X509Certificate2.CreateFromPem(
            System.Text.Encoding.UTF8.GetString(files.Certificate), System.Text.Encoding.UTF8.GetString(files.Key));
        return new LoadedCertificate(certificate, files.Fingerprint);
    }
}
