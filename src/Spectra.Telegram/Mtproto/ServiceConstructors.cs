namespace Spectra.Telegram.Mtproto;

/// <summary>Ids of the service constructors whose bodies are not plain TL and are parsed by the session itself.</summary>
internal static class ServiceConstructors
{
    public const uint RpcResult = 0xf35c6d01;
    public const uint MsgContainer = 0x73f1f8dc;
    public const uint RpcError = 0x2144ca19;
}
