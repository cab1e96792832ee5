namespace Spectra.Telegram.Mtproto;

/// <summary>The inner header and body of an encrypted MTProto message, after every integrity check passed.</summary>
public readonly record struct DecryptedMessage(long Salt, long SessionId, long MessageId, int SeqNo, ReadOnlyMemory<byte> Body);
