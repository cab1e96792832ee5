namespace Spectra.Telegram.Errors;

/// <summary>
/// The server answered with a bare negative 32-bit code instead of a packet: -404 means it does not know the auth
/// key (drop it and redo the exchange), -429 too many connections from this address.
/// </summary>
public sealed class TransportErrorCodeException : TransportException
{
    public TransportErrorCodeException(int code)
        : base(FormattableString.Invariant($"The server closed the exchange with transport error {code}{Describe(code)}."))
    {
        Code = code;
    }

    public int Code { get; }

    private static string Describe(int code) => code switch
    {
        -404 => " (auth key not found on the server)",
        -429 => " (too many connections from this address)",
        -444 => " (invalid DC)",
        _ => string.Empty,
    };
}
