namespace Spectra.Core.Configuration.Model;

/// <summary>A channel or group to archive, with its media options and an optional date window.</summary>
public sealed record TargetConfig
{
    /// <summary>@username, t.me link, invite link or numeric id (-100... for channels).</summary>
    public string Entity { get; init; } = string.Empty;

    public bool Media { get; init; } = true;

    /// <summary>Empty means every media type.</summary>
    public IReadOnlyList<string> MediaTypes { get; init; } = [];

    public double? MaxMediaSizeMb { get; init; }

    public DateTimeOffset? Since { get; init; }

    public DateTimeOffset? Until { get; init; }
}
