namespace Spectra.Core.Configuration;

/// <summary>The layer an effective configuration value came from, lowest precedence first.</summary>
public enum ConfigSource
{
    Default,
    File,
    DotEnv,
    Environment,
}
