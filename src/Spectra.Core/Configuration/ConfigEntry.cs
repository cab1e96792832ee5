namespace Spectra.Core.Configuration;

/// <summary>
/// One effective value as Get-SpectraConfig shows it: the key path, a display value (masked for secrets), whether
/// it is secret, and the layer and place it came from.
/// </summary>
public sealed record ConfigEntry(string Key, string DisplayValue, bool IsSecret, ValueOrigin Origin);
