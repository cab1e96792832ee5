namespace Spectra.Core.Configuration.Model;

/// <summary>A per-account proxy. Password and Secret are secrets: never log or print them.</summary>
public sealed record ProxyConfig
{
    public ProxyKind Type { get; init; }

    public string Host { get; init; } = string.Empty;

    public int Port { get; init; }

    public string? Username { get; init; }

    public string? Password { get; init; }

    public string? Secret { get; init; }

    public override string ToString() => $"{Type} proxy {Host}:{Port}";
}
