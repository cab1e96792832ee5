namespace Spectra.Telegram.Tests.Oracles;

/// <summary>The oracle itself raised (e.g. Telethon rejected a packet as a SecurityError).</summary>
public sealed class OracleException(string message) : Exception(message);
