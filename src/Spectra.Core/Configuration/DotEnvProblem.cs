namespace Spectra.Core.Configuration;

/// <summary>A .env line that could not be read; the message never repeats the line's value.</summary>
public sealed record DotEnvProblem(int Line, string Message);
