namespace Spectra.Telegram.Simulator.Api;

/// <summary>One API request as received: which DC, which auth key, and the serialized method.</summary>
public sealed record ApiCall(int DcId, long AuthKeyId, ReadOnlyMemory<byte> Body);
