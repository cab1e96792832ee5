namespace Spectra.Telegram.Crypto;

/// <summary>Fills a buffer with random bytes; injectable so tests can pin the randomness of a protocol step.</summary>
public delegate void RandomFill(Span<byte> buffer);
