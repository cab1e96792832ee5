using Spectra.Telegram.Crypto;
using Spectra.Telegram.Transport;

namespace Spectra.Telegram.Client;

/// <summary>Application identity, where to start, and the client's tunables.</summary>
public sealed record TelegramClientOptions
{
    /// <summary>api_id from my.telegram.org.</summary>
    public required int ApiId { get; init; }

    /// <summary>api_hash from my.telegram.org (a secret: never logged).</summary>
    public required string ApiHash { get; init; }

    /// <summary>The DC to start at when no session exists; the others come from help.getConfig.</summary>
    public required DcEndpoint InitialDc { get; init; }

    /// <summary>RSA keys the client trusts during key exchange.</summary>
    public ServerKeyRing ServerKeys { get; init; } = ServerKeyRing.Default;

    public TransportKind Transport { get; init; } = TransportKind.Intermediate;

    /// <summary>FLOOD_WAIT up to this long is slept through; longer waits surface as FloodWaitException.</summary>
    public TimeSpan FloodSleepThreshold { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>File parts requested at the same time during a download.</summary>
    public int ParallelDownloadParts { get; init; } = 4;

    /// <summary>Size of one upload.getFile request: a multiple of 4 KiB dividing 1 MiB.</summary>
    public int DownloadPartSize { get; init; } = 128 * 1024;

    /// <summary>How often a call is retried on a fresh connection after the connection dropped.</summary>
    public int MaxReconnects { get; init; } = 3;

    public string DeviceModel { get; init; } = "Spectra";

    public string SystemVersion { get; init; } = Environment.OSVersion.Platform.ToString();

    public string AppVersion { get; init; } = "0.1";

    public string LangCode { get; init; } = "en";

    /// <summary>Without the api_hash: a record's generated ToString would print it.</summary>
    public override string ToString() =>
        FormattableString.Invariant($"TelegramClientOptions(api_id {ApiId}, DC {InitialDc.DcId} at {InitialDc.Host}:{InitialDc.Port}, {Transport}, {ParallelDownloadParts} parts of {DownloadPartSize} bytes in flight)");
}
