namespace Spectra.Telegram.Tl.Mtproto;

/// <summary>One entry of a msg_container: the bare <c>message msg_id:long seqno:int bytes:int body:Object</c>.</summary>
public sealed class ContainerMessage
{
    public long MsgId { get; set; }

    public int Seqno { get; set; }

    /// <summary>The boxed body, kept raw: the session layer decides how to read it (service message, rpc_result...).</summary>
    public ReadOnlyMemory<byte> Body { get; set; }
}
