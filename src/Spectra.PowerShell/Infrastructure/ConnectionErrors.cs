using System.Globalization;
using System.Net.Sockets;
using Spectra.Core.Errors;
using Spectra.Telegram.Errors;
using Spectra.Telegram.Tl;

namespace Spectra.PowerShell.Infrastructure;

/// <summary>
/// Maps what the MTProto client throws during a connection test to engine errors with stable ids and fix hints.
/// Library messages never carry key material or proxy credentials, so they are passed on (and redacted again by
/// <see cref="ErrorRecords"/>).
/// </summary>
internal static class ConnectionErrors
{
    public static SpectraException Timeout(string endpoint, int seconds) => new(
        "ConnectionTimedOut", SpectraErrorCategory.OperationTimeout,
        string.Create(CultureInfo.InvariantCulture, $"{endpoint} did not complete the connection, key exchange and ping within {seconds} s."),
        "Check that the endpoint is an MTProto server and reachable (firewall, proxy), or raise -TimeoutSeconds.");

    /// <summary>The mapped error, or null for an exception that is not an expected connection failure (a bug).</summary>
    public static SpectraException? Map(Exception exception, string endpoint) => exception switch
    {
        AuthKeyExchangeException { ServerKeyUntrusted: true } => new SpectraException(
            "ServerKeyNotTrusted", SpectraErrorCategory.SecurityError,
            endpoint + ": " + exception.Message,
            "Pass the server's RSA public key with -ServerPublicKey <PEM file> (a test server or the simulated DC prints its own); for Telegram's production servers leave -ServerPublicKey out.",
            null, exception),
        MtprotoSecurityException => new SpectraException(
            "ServerSecurityCheckFailed", SpectraErrorCategory.SecurityError,
            endpoint + " failed an MTProto security check: " + exception.Message,
            "Do not use this server or network path: the peer is broken or the traffic is being tampered with.",
            null, exception),
        AuthKeyExchangeException => new SpectraException(
            "KeyExchangeFailed", SpectraErrorCategory.ConnectionError,
            endpoint + ": the auth-key exchange failed: " + exception.Message,
            "Check that the endpoint is an MTProto server and that -DcId matches it; try again in a moment.",
            null, exception),
        ProxyException => new SpectraException(
            "ProxyFailed", SpectraErrorCategory.ConnectionError,
            "The proxy failed: " + exception.Message,
            "Check the proxy address, port, credentials or secret, and that the proxy may reach the endpoint.",
            null, exception),
        TransportErrorCodeException => new SpectraException(
            "ServerTransportError", SpectraErrorCategory.ConnectionError,
            endpoint + ": " + exception.Message,
            "Check -DcId for this endpoint; for -429 wait before connecting again.",
            null, exception),
        TransportException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused } } => new SpectraException(
            "ConnectionRefused", SpectraErrorCategory.ConnectionError,
            endpoint + " refused the connection.",
            "Check the host and port (-Endpoint), that the server is running, and that no firewall rejects the connection.",
            null, exception),
        TransportException or IOException => new SpectraException(
            "ConnectionFailed", SpectraErrorCategory.ConnectionError,
            endpoint + ": " + exception.Message,
            "Check the host and port (-Endpoint), name resolution, -Transport, and any proxy between you and the server.",
            null, exception),
        TelegramException or TlException => new SpectraException(
            "ConnectionProbeFailed", SpectraErrorCategory.ConnectionError,
            endpoint + " answered in a way this client does not accept: " + exception.Message,
            "Check that the endpoint is an MTProto server; try another -Transport.",
            null, exception),
        _ => null,
    };
}
