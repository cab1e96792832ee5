namespace Spectra.Core.Configuration;

/// <summary>A secret value found in the config file: its field, line, and the value (memory only, for scrubbing; never printed).</summary>
internal sealed record FileSecret(string Field, int Line, string Value)
{
    public override string ToString() => $"{Field} (line {Line})";
}
