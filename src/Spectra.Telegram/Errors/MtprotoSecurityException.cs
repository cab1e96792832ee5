namespace Spectra.Telegram.Errors;

/// <summary>
/// A packet or handshake value failed a check the MTProto specification requires (msg_key, auth_key_id, lengths,
/// DH ranges, nonces, hashes). The connection must be dropped: the peer is broken or someone is tampering.
/// </summary>
public sealed class MtprotoSecurityException : TelegramException
{
    public MtprotoSecurityException(string message)
        : base(message)
    {
    }
}
