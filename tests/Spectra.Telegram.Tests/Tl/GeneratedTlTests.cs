using Spectra.Telegram.Tl;
using Spectra.Telegram.Tl.Mtproto;
using Api = Spectra.Telegram.Tl.Api;

namespace Spectra.Telegram.Tests.Tl;

/// <summary>Behaviour of the generated TL code that needs no oracle: flags, dispatch, errors, limits, layer pinning.</summary>
public class GeneratedTlTests
{
    [Fact]
    public void Layer_ComesFromTheSchemaFile()
    {
        var schema = File.ReadAllText(Path.Combine(RepoRoot(), "src", "Spectra.Telegram", "Schema", "api.tl"));
        Assert.Contains("// LAYER " + Api.ApiSchema.Layer + "\n", schema, StringComparison.Ordinal);
        Assert.Equal(198, Api.ApiSchema.Layer);
    }

    [Fact]
    public void EveryDeclarationOfTheSchemaFiles_IsGenerated()
    {
        static int Count(string file, bool methods)
        {
            var inMethods = false;
            var n = 0;
            foreach (var line in File.ReadLines(Path.Combine(RepoRoot(), "src", "Spectra.Telegram", "Schema", file)))
            {
                if (line.StartsWith("---", StringComparison.Ordinal))
                {
                    inMethods = line == "---functions---";
                }
                else if (inMethods == methods && System.Text.RegularExpressions.Regex.IsMatch(line, @"^[A-Za-z_][\w.]*#[0-9a-f]+[ ;]")
                    && !System.Text.RegularExpressions.Regex.IsMatch(line, @"^(boolFalse|boolTrue|true|vector)#"))
                {
                    n++;
                }
            }

            return n;
        }

        Assert.Equal(Api.ApiSchema.ConstructorCount, Count("api.tl", false));
        Assert.Equal(Api.ApiSchema.MethodCount, Count("api.tl", true));
        Assert.Equal(Spectra.Telegram.Tl.Mtproto.MtprotoSchema.ConstructorCount, Count("mtproto.tl", false));
        Assert.Equal(Spectra.Telegram.Tl.Mtproto.MtprotoSchema.MethodCount, Count("mtproto.tl", true));
        Assert.True(Api.ApiSchema.ConstructorCount > 1300, "layer 198 has well over 1300 constructors");
    }

    [Fact]
    public void UnknownConstructor_NamesItsIdInHex()
    {
        var bytes = new byte[] { 0xef, 0xbe, 0xad, 0xde, 0, 0, 0, 0 };
        var ex = Assert.Throws<UnknownConstructorException>(() => Api.MessageBase.ReadBoxed(new TlReader(bytes)));
        Assert.Equal(0xdeadbeefu, ex.ConstructorId);
        Assert.Contains("0xdeadbeef", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Message", ex.Message, StringComparison.Ordinal);

        // A constructor of another type is just as unknown where a Message is expected.
        var peer = new Api.PeerUser { UserId = 1 }.ToBytes();
        Assert.Throws<UnknownConstructorException>(() => Api.MessageBase.ReadBoxed(new TlReader(peer)));
    }

    [Fact]
    public void Flags_AreComputedFromPresence()
    {
        var message = new Api.Message { Id = 1, PeerId = new Api.PeerUser { UserId = 2 }, Date = 3, MessageValue = "m", Post = true, EditDate = 9 };
        var bytes = message.ToBytes();
        var flags = BitConverter.ToUInt32(bytes, 4);
        Assert.Equal((1u << 14) | (1u << 15), flags);
        Assert.Equal(0u, BitConverter.ToUInt32(bytes, 8));

        var back = Assert.IsType<Api.Message>(Api.MessageBase.ReadBoxed(new TlReader(bytes)));
        Assert.True(back.Post);
        Assert.False(back.Out);
        Assert.Equal(9, back.EditDate);
        Assert.Null(back.Views);
        Assert.Null(back.Media);
    }

    [Fact]
    public void Flags2_AreComputedSeparately()
    {
        var user = new Api.User { Id = 1, BotCanEdit = true, StoriesMaxId = 4, FirstName = "a" };
        var bytes = user.ToBytes();
        Assert.Equal(1u << 1, BitConverter.ToUInt32(bytes, 4));
        Assert.Equal((1u << 1) | (1u << 5), BitConverter.ToUInt32(bytes, 8));
        var back = Assert.IsType<Api.User>(Api.UserBase.ReadBoxed(new TlReader(bytes)));
        Assert.True(back.BotCanEdit);
        Assert.Equal(4, back.StoriesMaxId);
        Assert.Equal(bytes, back.ToBytes());
    }

    [Fact]
    public void SharedFlagBit_WritesEveryFieldOfTheBit()
    {
        // views and forwards share flags.10: setting one promises both, so the other goes out as zero.
        var message = new Api.Message { Id = 1, PeerId = new Api.PeerUser { UserId = 2 }, Views = 5 };
        var back = Assert.IsType<Api.Message>(Api.MessageBase.ReadBoxed(new TlReader(message.ToBytes())));
        Assert.Equal(5, back.Views);
        Assert.Equal(0, back.Forwards);
    }

    [Fact]
    public void OptionalBool_FalseIsPresent()
    {
        var settings = new Api.PeerNotifySettings { ShowPreviews = false };
        var back = Api.PeerNotifySettings.ReadBoxed(new TlReader(settings.ToBytes()));
        Assert.False(back.ShowPreviews);
        Assert.Null(back.Silent);
    }

    [Fact]
    public void RequiredObjectMissing_IsATlExceptionOnWrite()
    {
        var ex = Assert.Throws<TlException>(() => new Api.Channels_GetFullChannelRequest().ToBytes());
        Assert.Contains("channels.getFullChannel.channel", ex.Message, StringComparison.Ordinal);
        Assert.Throws<TlException>(() => new Spectra.Telegram.Tl.Mtproto.ReqPqMultiRequest { Nonce = new byte[15] }.ToBytes());
    }

    [Fact]
    public void GzipPacked_IsUnpackedWhereverAnObjectIsExpected()
    {
        var page = TlSamples.HistoryPage();
        var packed = GzipPacked.Pack(page).ToBytes();
        var back = Api.Messages_MessagesBase.ReadBoxed(new TlReader(packed));
        Assert.Equal(page.ToBytes(), back.ToBytes());

        // A Vector<long> result wrapped in gzip_packed, read through the method's typed reader.
        var ids = new TlWriter();
        ids.WriteVector(new List<long> { 1, 2, 3 }, static (w, x) => w.WriteLong(x));
        Assert.Equal(new List<long> { 1, 2, 3 }, new Api.Messages_ReceivedQueueRequest().ReadResult(new TlReader(Wrap(ids.ToArray()))));
        Assert.Equal(new List<long> { 1, 2, 3 }, new Api.Messages_ReceivedQueueRequest().ReadResult(new TlReader(ids.ToArray())));
    }

    [Fact]
    public void GzipBomb_StopsAtTheCap()
    {
        var huge = new byte[TlReader.MaxUnpackedSize + 4096];
        var packed = Wrap(huge);
        Assert.True(packed.Length < 100_000);
        var ex = Assert.Throws<TlException>(() => Api.MessageBase.ReadBoxed(new TlReader(packed)));
        Assert.Contains("limit", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeepNesting_StopsAtTheDepthLimit()
    {
        static byte[] Nested(int depth)
        {
            Api.RichTextBase text = new Api.TextPlain { Text = "x" };
            for (var i = 0; i < depth; i++)
            {
                text = new Api.TextBold { Text = text };
            }

            return text.ToBytes();
        }

        Assert.IsType<Api.TextBold>(Api.RichTextBase.ReadBoxed(new TlReader(Nested(100))));
        var ex = Assert.Throws<TlException>(() => Api.RichTextBase.ReadBoxed(new TlReader(Nested(TlReader.MaxDepth + 10))));
        Assert.Contains("deeper", ex.Message, StringComparison.Ordinal);

        // Far beyond the limit (a stack overflow without it) still fails cleanly.
        var bold = BitConverter.GetBytes(Api.TextBold.TlConstructorId);
        var hostile = Enumerable.Repeat(bold, 200_000).SelectMany(b => b).ToArray();
        Assert.Throws<TlException>(() => Api.RichTextBase.ReadBoxed(new TlReader(hostile)));
    }

    [Fact]
    public void FutureSalts_UseTheBareVectorLayoutOfTheSpec()
    {
        // future_salts#ae500895 req_msg_id:long now:int salts:vector<future_salt>: a bare count, then bare
        // entries (valid_since:int valid_until:int salt:long) with no constructor ids.
        var w = new TlWriter();
        w.WriteUInt(0xae500895);
        w.WriteLong(77);
        w.WriteInt(1000);
        w.WriteInt(2);
        w.WriteInt(1000);
        w.WriteInt(2800);
        w.WriteLong(0x1111);
        w.WriteInt(2800);
        w.WriteInt(4600);
        w.WriteLong(0x2222);
        var bytes = w.ToArray();

        var salts = Assert.IsType<FutureSalts>(MtprotoSchema.ReadObject(new TlReader(bytes)));
        Assert.Equal(77, salts.ReqMsgId);
        Assert.Equal(new long[] { 0x1111, 0x2222 }, salts.Salts.Select(s => s.Salt));
        Assert.Equal(4600, salts.Salts[1].ValidUntil);
        Assert.Equal(bytes, salts.ToBytes());
    }

    [Fact]
    public void InvokeWithLayer_ReadsTheInnerQueryResult()
    {
        var request = new Api.InvokeWithLayerRequest<Api.Auth_ExportedAuthorization>
        {
            Layer = Api.ApiSchema.Layer,
            Query = new Api.Auth_ExportAuthorizationRequest { DcId = 4 },
        };
        var answer = new Api.Auth_ExportedAuthorization { Id = 9, Bytes = new byte[] { 1, 2 } };
        var result = request.ReadResult(new TlReader(answer.ToBytes()));
        Assert.Equal(9, result.Id);

        // The server side reads the same bytes back into an equivalent request.
        var parsed = Api.ApiSchema.ReadMethod(new TlReader(request.ToBytes()));
        var layer = Assert.IsType<Api.InvokeWithLayerRequest<object?>>(parsed);
        Assert.Equal(4, Assert.IsType<Api.Auth_ExportAuthorizationRequest>(layer.Query).DcId);
        Assert.Equal(request.ToBytes(), parsed.ToBytes());
    }

    [Fact]
    public void MsgContainer_AndRpcResult_RoundTrip()
    {
        var error = new RpcError { ErrorCode = 420, ErrorMessage = "FLOOD_WAIT_17" };
        var rpc = new RpcResult { ReqMsgId = 123, Result = error.ToBytes() };
        var container = new MsgContainer
        {
            Messages =
            {
                new ContainerMessage { MsgId = 1, Seqno = 1, Body = rpc.ToBytes() },
                new ContainerMessage { MsgId = 2, Seqno = 2, Body = new Pong { MsgId = 5, PingId = 6 }.ToBytes() },
            },
        };
        var bytes = container.ToBytes();
        var reader = new TlReader(bytes);
        Assert.Equal(MsgContainer.TlConstructorId, reader.ReadUInt());
        var back = MsgContainer.ReadBare(reader);
        Assert.Equal(bytes, back.ToBytes());

        var inner = new TlReader(back.Messages[0].Body);
        Assert.Equal(RpcResult.TlConstructorId, inner.ReadUInt());
        var result = RpcResult.ReadBare(inner);
        Assert.Equal(123, result.ReqMsgId);
        Assert.True(result.TryReadError(out var parsedError));
        Assert.Equal("FLOOD_WAIT_17", parsedError!.ErrorMessage);

        var ok = new RpcResult { ReqMsgId = 1, Result = GzipPacked.Pack(new Api.Auth_ExportedAuthorization { Id = 3, Bytes = new byte[] { 7 } }).ToBytes() };
        Assert.False(ok.TryReadError(out _));
        Assert.Equal(3, ok.ReadResult(new Api.Auth_ExportAuthorizationRequest()).Id);
    }

    [Fact]
    public void MsgContainer_WithLyingLength_IsATlException()
    {
        var w = new TlWriter();
        w.WriteInt(1);
        w.WriteLong(1);
        w.WriteInt(1);
        w.WriteInt(1 << 20);
        w.WriteInt(0);
        Assert.Throws<TlException>(() => MsgContainer.ReadBare(new TlReader(w.ToArray())));
    }

    private static byte[] Wrap(byte[] inner) => GzipPacked.Pack(inner).ToBytes();

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Spectra.PowerShell.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root not found.");
    }
}
