namespace Spectra.Core.Configuration;

/// <summary>The families of configuration checks, in the order Test-SpectraConfig reports them.</summary>
public enum ConfigCheck
{
    Schema,
    Security,
    BusinessRules,
    Paths,
    Targets,
    Environment,
}
