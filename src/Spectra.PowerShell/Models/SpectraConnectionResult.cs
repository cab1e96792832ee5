namespace Spectra.PowerShell.Models;

/// <summary>
/// One Test-SpectraConnection run. Always written, also on failure (Success $false, Error set, alongside the
/// ErrorRecord), so scripts can test .Success. Holds no key material and only a masked proxy.
/// </summary>
public sealed class SpectraConnectionResult
{
    internal SpectraConnectionResult(bool success, string endpoint, int dcId, string transport, string? proxy)
    {
        Success = success;
        Endpoint = endpoint;
        DcId = dcId;
        Transport = transport;
        Proxy = proxy;
    }

    public bool Success { get; internal set; }

    /// <summary>The address the TCP connection went to ("host:port"; the proxy itself for an MTProxy).</summary>
    public string Endpoint { get; }

    public int DcId { get; }

    /// <summary>Framing, prefixed "Obfuscated/" when wrapped in obfuscated2.</summary>
    public string Transport { get; internal set; }

    /// <summary>The proxy with its password or secret masked; empty for a direct connection.</summary>
    public string? Proxy { get; }

    public double? ConnectMs { get; internal set; }

    public double? KeyExchangeMs { get; internal set; }

    /// <summary>Round trip of an encrypted ping on the settled session.</summary>
    public double? RoundTripMs { get; internal set; }

    /// <summary>Server clock minus local clock, in seconds, from the server's message ids.</summary>
    public int? ClockOffsetSeconds { get; internal set; }

    /// <summary>The server's time at the end of the probe (local UTC time plus the offset).</summary>
    public DateTimeOffset? ServerTime { get; internal set; }

    /// <summary>Why it failed (the same text as the ErrorRecord); empty on success.</summary>
    public string? Error { get; internal set; }
}
