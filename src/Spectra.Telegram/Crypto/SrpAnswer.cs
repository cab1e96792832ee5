namespace Spectra.Telegram.Crypto;

/// <summary>What inputCheckPasswordSRP carries besides srp_id: the client's public value A and the proof M1.</summary>
public sealed record SrpAnswer(byte[] A, byte[] M1);
