using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Spectra.Telegram.Errors;

namespace Spectra.Telegram.Transport;

/// <summary>
/// A SOCKS5 proxy (RFC 1928) with optional username/password authentication (RFC 1929). Only CONNECT is used.
/// The password is never included in an exception message or ToString.
/// </summary>
public sealed class Socks5Proxy
{
    public Socks5Proxy(string host, int port, string? username = null, string? password = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        if ((username is null) != (password is null))
        {
            throw new ArgumentException("Give both a SOCKS5 username and password, or neither.");
        }

        if (username is not null && (Encoding.UTF8.GetByteCount(username) is 0 or > 255 || Encoding.UTF8.GetByteCount(password!) > 255))
        {
            throw new ArgumentException("SOCKS5 usernames are 1..255 bytes and passwords at most 255 bytes.");
        }

        Host = host;
        Port = port;
        Username = username;
        Password = password;
    }

    public string Host { get; }

    public int Port { get; }

    public string? Username { get; }

    internal string? Password { get; }

    public override string ToString() => FormattableString.Invariant($"socks5://{(Username is null ? string.Empty : Username + ":***@")}{Host}:{Port}");

    /// <summary>Runs the SOCKS5 greeting, authentication and CONNECT on an open stream to the proxy.</summary>
    public async Task ConnectThroughAsync(Stream stream, string targetHost, int targetPort, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var withAuth = Username is not null;
        await stream.WriteAsync(withAuth ? new byte[] { 5, 2, 0, 2 } : new byte[] { 5, 1, 0 }, cancellationToken).ConfigureAwait(false);
        var choice = await ReadAsync(stream, 2, cancellationToken).ConfigureAwait(false);
        if (choice[0] != 5)
        {
            throw new ProxyException("The proxy did not answer as a SOCKS5 server.");
        }

        switch (choice[1])
        {
            case 0:
                break;
            case 2 when withAuth:
                await AuthenticateAsync(stream, cancellationToken).ConfigureAwait(false);
                break;
            case 0xff:
                throw new ProxyException(withAuth ? "The SOCKS5 proxy accepts none of the offered authentication methods." : "The SOCKS5 proxy requires a username and password.");
            default:
                throw new ProxyException(FormattableString.Invariant($"The SOCKS5 proxy chose unsupported method {choice[1]}."));
        }

        await stream.WriteAsync(BuildConnectRequest(targetHost, targetPort), cancellationToken).ConfigureAwait(false);
        var reply = await ReadAsync(stream, 4, cancellationToken).ConfigureAwait(false);
        if (reply[0] != 5)
        {
            throw new ProxyException("Malformed SOCKS5 CONNECT reply.");
        }

        if (reply[1] != 0)
        {
            throw new ProxyException("SOCKS5 CONNECT failed: " + DescribeReply(reply[1]) + ".");
        }

        var addressLength = reply[3] switch
        {
            1 => 4,
            4 => 16,
            3 => (await ReadAsync(stream, 1, cancellationToken).ConfigureAwait(false))[0],
            _ => throw new ProxyException("SOCKS5 reply has an unknown address type."),
        };
        await ReadAsync(stream, addressLength + 2, cancellationToken).ConfigureAwait(false);
    }

    internal static byte[] BuildConnectRequest(string host, int port)
    {
        byte[] address;
        byte type;
        if (IPAddress.TryParse(host, out var ip))
        {
            address = ip.GetAddressBytes();
            type = ip.AddressFamily == AddressFamily.InterNetworkV6 ? (byte)4 : (byte)1;
        }
        else
        {
            var name = Encoding.ASCII.GetBytes(host);
            if (name.Length > 255)
            {
                throw new ProxyException("Host name too long for SOCKS5.");
            }

            address = [(byte)name.Length, .. name];
            type = 3;
        }

        var request = new byte[4 + address.Length + 2];
        request[0] = 5;
        request[1] = 1;
        request[3] = type;
        address.CopyTo(request, 4);
        BinaryPrimitives.WriteUInt16BigEndian(request.AsSpan(4 + address.Length), (ushort)port);
        return request;
    }

    private static string DescribeReply(byte code) => code switch
    {
        1 => "general server failure",
        2 => "connection not allowed by ruleset",
        3 => "network unreachable",
        4 => "host unreachable",
        5 => "connection refused",
        6 => "TTL expired",
        7 => "command not supported",
        8 => "address type not supported",
        _ => FormattableString.Invariant($"reply code {code}"),
    };

    private static async Task<byte[]> ReadAsync(Stream stream, int count, CancellationToken cancellationToken)
    {
        var buffer = new byte[count];
        try
        {
            await stream.ReadExactlyAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (EndOfStreamException ex)
        {
            throw new TransportException("The SOCKS5 proxy closed the connection during the handshake.", ex);
        }

        return buffer;
    }

    private async Task AuthenticateAsync(Stream stream, CancellationToken cancellationToken)
    {
        var user = Encoding.UTF8.GetBytes(Username!);
        var pass = Encoding.UTF8.GetBytes(Password!);
        byte[] request = [1, (byte)user.Length, .. user, (byte)pass.Length, .. pass];
        await stream.WriteAsync(request, cancellationToken).ConfigureAwait(false);
        Array.Clear(request);
        var status = await ReadAsync(stream, 2, cancellationToken).ConfigureAwait(false);
        if (status[1] != 0)
        {
            throw new ProxyException("The SOCKS5 proxy rejected the username or password.");
        }
    }
}
