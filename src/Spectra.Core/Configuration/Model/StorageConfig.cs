namespace Spectra.Core.Configuration.Model;

/// <summary>Where the archive database and downloaded media live.</summary>
public sealed record StorageConfig
{
    public string Database { get; init; } = "spectra.db";

    public string MediaDir { get; init; } = "media";
}
