namespace Spectra.Telegram.Tl.Mtproto;

/// <summary>
/// msg_container#73f1f8dc messages:vector&lt;%Message&gt;. Parsed by hand because each entry carries its body's
/// length, which the reader checks instead of trusting the body to delimit itself.
/// </summary>
public sealed class MsgContainer : TlObject
{
    public const uint TlConstructorId = 0x73f1f8dc;

    /// <summary>MTProto limits a container to 1020 messages.</summary>
    public const int MaxMessages = 1020;

    public override uint ConstructorId => TlConstructorId;

    public List<ContainerMessage> Messages { get; set; } = new();

    public static MsgContainer ReadBare(TlReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var count = reader.ReadCount();
        if (count > MaxMessages)
        {
            throw new TlException(FormattableString.Invariant($"msg_container holds {count} messages; at most {MaxMessages} are allowed."));
        }

        var container = new MsgContainer { Messages = new List<ContainerMessage>(count) };
        for (var i = 0; i < count; i++)
        {
            var msgId = reader.ReadLong();
            var seqno = reader.ReadInt();
            var length = reader.ReadInt();
            if (length < 4 || length % 4 != 0 || length > reader.Remaining)
            {
                throw new TlException(FormattableString.Invariant($"msg_container entry {i} claims {length} body bytes with {reader.Remaining} left."));
            }

            var body = reader.Data.Slice(reader.Position, length);
            reader.ReadRawSpan(length);
            container.Messages.Add(new ContainerMessage { MsgId = msgId, Seqno = seqno, Body = body });
        }

        return container;
    }

    public override void WriteBody(TlWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteInt(Messages.Count);
        foreach (var message in Messages)
        {
            writer.WriteLong(message.MsgId);
            writer.WriteInt(message.Seqno);
            writer.WriteInt(message.Body.Length);
            writer.WriteRaw(message.Body.Span);
        }
    }
}
