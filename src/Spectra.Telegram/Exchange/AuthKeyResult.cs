using Spectra.Telegram.Crypto;

namespace Spectra.Telegram.Exchange;

/// <summary>What a completed exchange yields: the key, the first server salt, and server time minus local time.</summary>
public sealed record AuthKeyResult(AuthKey Key, long ServerSalt, int TimeOffsetSeconds);
