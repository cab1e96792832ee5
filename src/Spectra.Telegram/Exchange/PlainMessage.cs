using System.Buffers.Binary;
using Spectra.Telegram.Errors;

namespace Spectra.Telegram.Exchange;

/// <summary>Unencrypted messages of the auth-key exchange: auth_key_id = 0 | msg_id | length | body.</summary>
public static class PlainMessage
{
    public static byte[] Build(long messageId, ReadOnlySpan<byte> body)
    {
        var packet = new byte[20 + body.Length];
        BinaryPrimitives.WriteInt64LittleEndian(packet.AsSpan(8), messageId);
        BinaryPrimitives.WriteInt32LittleEndian(packet.AsSpan(16), body.Length);
        body.CopyTo(packet.AsSpan(20));
        return packet;
    }

    /// <summary>Returns the body and msg_id after checking the zero key id and the declared length.</summary>
    public static (long MessageId, ReadOnlyMemory<byte> Body) Parse(ReadOnlyMemory<byte> packet)
    {
        var span = packet.Span;
        if (span.Length < 20)
        {
            throw new AuthKeyExchangeException(FormattableString.Invariant($"A {span.Length}-byte answer is too short for an unencrypted message."));
        }

        if (BinaryPrimitives.ReadInt64LittleEndian(span) != 0)
        {
            throw new AuthKeyExchangeException("Expected an unencrypted message (auth_key_id 0) during the key exchange.");
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(span[16..]);
        if (length < 0 || length > span.Length - 20)
        {
            throw new AuthKeyExchangeException(FormattableString.Invariant($"Unencrypted message declares {length} bytes but carries {span.Length - 20}."));
        }

        return (BinaryPrimitives.ReadInt64LittleEndian(span[8..]), packet.Slice(20, length));
    }
}
