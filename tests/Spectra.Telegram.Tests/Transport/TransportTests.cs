using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Spectra.Telegram.Errors;
using Spectra.Telegram.Transport;
using static Spectra.Telegram.Tests.Oracles.TestData;

namespace Spectra.Telegram.Tests.Transport;

/// <summary>Frame caps, transport error codes, TCP connect/timeout/cancel, SOCKS5 bytes per RFC 1928/1929, MTProxy secrets.</summary>
public sealed class TransportTests
{
    [Fact]
    public async Task Oversized_negative_and_truncated_frames_are_transport_errors_without_allocation()
    {
        var codec = new IntermediateCodec(maxFrameLength: 1024);
        var huge = new byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(huge, int.MaxValue);
        await Assert.ThrowsAsync<TransportException>(() => codec.ReadFrameAsync(new MemoryStream(huge), default).AsTask());
        BinaryPrimitives.WriteInt32LittleEndian(huge, -8);
        await Assert.ThrowsAsync<TransportException>(() => codec.ReadFrameAsync(new MemoryStream(huge), default).AsTask());
        BinaryPrimitives.WriteInt32LittleEndian(huge, 100);
        await Assert.ThrowsAsync<TransportException>(() => codec.ReadFrameAsync(new MemoryStream(huge), default).AsTask());
        await Assert.ThrowsAsync<TransportException>(() => codec.ReadFrameAsync(new MemoryStream([1, 2]), default).AsTask());

        var abridged = new AbridgedCodec(maxFrameLength: 1024);
        await Assert.ThrowsAsync<TransportException>(() => abridged.ReadFrameAsync(new MemoryStream([0x7f, 0xff, 0xff, 0xff]), default).AsTask());
        await Assert.ThrowsAsync<TransportException>(() => abridged.ReadFrameAsync(new MemoryStream([0x80]), default).AsTask());
    }

    [Fact]
    public void Abridged_switches_to_the_long_form_at_127_words()
    {
        var codec = new AbridgedCodec();
        Assert.Equal(0x7e, codec.Encode(new byte[126 * 4])[0]);
        Assert.Equal("7f7f0000", Hex(codec.Encode(new byte[127 * 4]).AsSpan(0, 4)));
        Assert.Throws<ArgumentException>(() => codec.Encode(new byte[3]));
    }

    [Fact]
    public async Task A_negative_four_byte_frame_is_the_servers_error_code()
    {
        var wire = new IntermediateCodec().Encode(BitConverter.GetBytes(-404));
        var connection = await TransportConnection.OpenAsync(new DuplexStream(wire), new TransportOptions { Host = "h", Port = 1 }, default);
        var error = await Assert.ThrowsAsync<TransportErrorCodeException>(() => connection.ReceiveAsync(default));
        Assert.Equal(-404, error.Code);
    }

    [Fact]
    public void Obfuscated2_headers_avoid_the_reserved_prefixes()
    {
        Assert.False(Obfuscated2.IsAcceptableRandomHeader([0xef, 1, 2, 3, 4, 5, 6, 7]));
        Assert.False(Obfuscated2.IsAcceptableRandomHeader("GET /abc"u8));
        Assert.False(Obfuscated2.IsAcceptableRandomHeader("POSTabcd"u8));
        Assert.False(Obfuscated2.IsAcceptableRandomHeader([0xee, 0xee, 0xee, 0xee, 1, 1, 1, 1]));
        Assert.False(Obfuscated2.IsAcceptableRandomHeader([1, 2, 3, 4, 0, 0, 0, 0]));
        Assert.True(Obfuscated2.IsAcceptableRandomHeader([1, 2, 3, 4, 0, 0, 0, 1]));

        var calls = 0;
        var (header, enc, dec) = Obfuscated2.CreateClientHeader(0xeeeeeeee, 2, default, buffer =>
        {
            // First draw is forbidden (starts with 0xef), the second is fine: the generator must retry.
            Random(buffer.Length).CopyTo(buffer);
            buffer[0] = calls++ == 0 ? (byte)0xef : (byte)0x01;
        });
        Assert.Equal(2, calls);
        Assert.Equal(0x01, header[0]);
        enc.Dispose();
        dec.Dispose();
    }

    [Fact]
    public void Obfuscated2_with_a_secret_is_readable_only_with_that_secret()
    {
        var secret = Random(16);
        var (header, enc, dec) = Obfuscated2.CreateClientHeader(0xdddddddd, -3, secret);
        var (tag, dc, e2, d2) = Obfuscated2.AcceptHeader(header, secret);
        Assert.Equal((0xddddddddU, (short)-3), (tag, dc));
        Assert.Throws<TransportException>(() => Obfuscated2.AcceptHeader(header, Random(16)));
        foreach (var c in new[] { enc, dec, e2, d2 })
        {
            c.Dispose();
        }
    }

    [Fact]
    public async Task Connects_over_loopback_tcp_and_exchanges_frames()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var server = Task.Run(async () =>
        {
            using var socket = await listener.AcceptTcpClientAsync();
            var stream = socket.GetStream();
            var init = new byte[4];
            await stream.ReadExactlyAsync(init);
            Assert.Equal("eeeeeeee", Hex(init));
            var frame = await new IntermediateCodec().ReadFrameAsync(stream, default);
            await stream.WriteAsync(new IntermediateCodec().Encode([.. frame, .. frame]));
        });
        await using var connection = await TransportConnection.ConnectAsync(new TransportOptions { Host = "127.0.0.1", Port = port }, default);
        await connection.SendAsync(new byte[] { 1, 2, 3, 4 }, default);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 1, 2, 3, 4 }, await connection.ReceiveAsync(default));
        await server;
    }

    [Fact]
    public async Task Connect_failures_are_transport_errors_within_the_timeout_and_cancellation_is_honoured()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await Assert.ThrowsAsync<TransportException>(() => TransportConnection.ConnectAsync(new TransportOptions { Host = "127.0.0.1", Port = port }, default));

        // This sandbox answers connects to any address, so a silent SOCKS5 proxy stands in for an unreachable host:
        // the connect timeout covers the whole connection setup, proxy handshake included.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var silentPort = ((IPEndPoint)silent.LocalEndpoint).Port;
        var accept = silent.AcceptTcpClientAsync();
        var watch = Stopwatch.StartNew();
        var timeout = await Assert.ThrowsAsync<TransportException>(() => TransportConnection.ConnectAsync(
            new TransportOptions { Host = "dc.example", Port = 443, Socks5 = new Socks5Proxy("127.0.0.1", silentPort), ConnectTimeout = TimeSpan.FromMilliseconds(300) }, default));
        Assert.Contains("timed out", timeout.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
        (await accept).Dispose();

        using var cts = new CancellationTokenSource();
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TransportConnection.ConnectAsync(new TransportOptions { Host = "10.255.255.1", Port = 443 }, cts.Token));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Socks5_sends_rfc_bytes_and_reports_refusals(bool withPassword)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var seen = new List<string>();
        var server = Task.Run(async () =>
        {
            using var socket = await listener.AcceptTcpClientAsync();
            var s = socket.GetStream();
            seen.Add(Hex(await Read(s, withPassword ? 4 : 3)));
            await s.WriteAsync(new byte[] { 5, withPassword ? (byte)2 : (byte)0 });
            if (withPassword)
            {
                var head = await Read(s, 2);
                var user = await Read(s, head[1]);
                var plen = await Read(s, 1);
                var pass = await Read(s, plen[0]);
                seen.Add(System.Text.Encoding.UTF8.GetString(user) + ":" + System.Text.Encoding.UTF8.GetString(pass));
                await s.WriteAsync(new byte[] { 1, 0 });
            }

            seen.Add(Hex(await Read(s, 4 + 1 + "dc.example".Length + 2)));
            await s.WriteAsync(new byte[] { 5, 5, 0, 1, 0, 0, 0, 0, 0, 0 });
        });

        var proxy = withPassword ? new Socks5Proxy("127.0.0.1", port, "alice", "s3cret") : new Socks5Proxy("127.0.0.1", port);
        var error = await Assert.ThrowsAsync<ProxyException>(() => TransportConnection.ConnectAsync(
            new TransportOptions { Host = "dc.example", Port = 443, Socks5 = proxy }, default));
        await server;
        Assert.Contains("connection refused", error.Message);
        Assert.DoesNotContain("s3cret", error.Message + proxy);
        Assert.Equal(withPassword ? "05020002" : "050100", seen[0]);
        if (withPassword)
        {
            Assert.Equal("alice:s3cret", seen[1]);
        }

        Assert.Equal("050100030a" + Hex("dc.example"u8) + "01bb", seen[^1]);
    }

    [Fact]
    public void MtProxy_secrets_parse_or_fail_clearly()
    {
        var plain = MtProxySecret.Parse("00112233445566778899aabbccddeeff");
        Assert.False(plain.RequiresPadding);
        Assert.Equal(16, plain.Key.Length);
        var padded = MtProxySecret.Parse("dd00112233445566778899aabbccddeeff");
        Assert.True(padded.RequiresPadding);
        Assert.Equal("00112233445566778899aabbccddeeff", Hex(padded.Key.Span));
        var b64 = MtProxySecret.Parse(Convert.ToBase64String(Hex("dd00112233445566778899aabbccddeeff")).Replace('+', '-').Replace('/', '_').TrimEnd('='));
        Assert.True(b64.RequiresPadding);
        var tls = Assert.Throws<ProxyException>(() => MtProxySecret.Parse("ee00112233445566778899aabbccddeeff" + Hex("example.com"u8)));
        Assert.Contains("fake-TLS", tls.Message);
        Assert.Throws<ProxyException>(() => MtProxySecret.Parse("0011"));
        Assert.Throws<ProxyException>(() => MtProxySecret.Parse("not a secret!"));
    }

    private static async Task<byte[]> Read(Stream s, int n)
    {
        var b = new byte[n];
        await s.ReadExactlyAsync(b);
        return b;
    }
}
