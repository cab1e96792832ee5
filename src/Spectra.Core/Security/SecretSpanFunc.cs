namespace Spectra.Core.Security;

/// <summary>Reads a secret's bytes for the duration of one call (a span cannot be captured by a Func).</summary>
public delegate T SecretSpanFunc<out T>(ReadOnlySpan<byte> secret);
