namespace Spectra.Telegram.Rpc;

/// <summary>CHANNEL_PRIVATE: the channel exists but this account cannot read it (left, banned or never joined).</summary>
public sealed class ChannelPrivateException(int code, string errorMessage) : RpcException(code, errorMessage);
