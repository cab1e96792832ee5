namespace Spectra.Core.Configuration;

/// <summary>What a .env file held: its assignments in order, and the lines it could not read.</summary>
public sealed record DotEnvFile(string Path, IReadOnlyList<DotEnvEntry> Entries, IReadOnlyList<DotEnvProblem> Problems);
