namespace Spectra.Telegram.Tl.Mtproto;

/// <summary>
/// rpc_result#f35c6d01 req_msg_id:long result:Object. Parsed by hand: the result's type depends on the request
/// (a bare Vector&lt;long&gt; cannot be read without knowing it), so the body is kept raw until the caller, who
/// knows which request <see cref="ReqMsgId"/> answers, reads it with that request's reader.
/// </summary>
public sealed class RpcResult : TlObject
{
    public const uint TlConstructorId = 0xf35c6d01;

    public override uint ConstructorId => TlConstructorId;

    public long ReqMsgId { get; set; }

    /// <summary>The boxed result exactly as received: an rpc_error, a gzip_packed, or the method's result type.</summary>
    public ReadOnlyMemory<byte> Result { get; set; }

    /// <summary>Reads the body after the id; the result runs to the end of the message.</summary>
    public static RpcResult ReadBare(TlReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var reqMsgId = reader.ReadLong();
        var result = reader.Data.Slice(reader.Position);
        reader.ReadRawSpan(reader.Remaining);
        return new RpcResult { ReqMsgId = reqMsgId, Result = result };
    }

    /// <summary>True (and the error) when the result is an rpc_error, possibly gzip-packed.</summary>
    public bool TryReadError(out RpcError? error)
    {
        error = new TlReader(Result).ReadMaybeGzipped(static r =>
            r.Remaining >= 4 && r.PeekUInt() == RpcError.TlConstructorId ? RpcError.ReadBoxed(r) : null);
        return error is not null;
    }

    /// <summary>Reads the result with the reader of the request it answers.</summary>
    public TResult ReadResult<TResult>(TlMethod<TResult> request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.ReadResult(new TlReader(Result));
    }

    public override void WriteBody(TlWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLong(ReqMsgId);
        writer.WriteRaw(Result.Span);
    }
}
