namespace Spectra.Core.Configuration;

/// <summary>One KEY=VALUE assignment read from a .env file, with its 1-based line.</summary>
public sealed record DotEnvEntry(string Name, string Value, int Line);
