namespace Spectra.Core.Configuration.Model;

/// <summary>One Telegram user account. ApiHash and Phone are secrets: never log or print them.</summary>
public sealed record AccountConfig
{
    public string Name { get; init; } = ConfigDefaults.ImplicitAccountName;

    public long? ApiId { get; init; }

    public string? ApiHash { get; init; }

    public string? Phone { get; init; }

    /// <summary>Session file path; defaults to the account name when absent.</summary>
    public string? Session { get; init; }

    public ProxyConfig? Proxy { get; init; }

    public override string ToString() => $"Account {Name}";
}
