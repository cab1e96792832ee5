namespace Spectra.Telegram.Transport;

/// <summary>MTProto TCP framings. Obfuscation (obfuscated2) is a separate switch that wraps any of them.</summary>
public enum TransportKind
{
    Intermediate,
    Abridged,
    PaddedIntermediate,
}
