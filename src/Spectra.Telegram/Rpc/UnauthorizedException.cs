namespace Spectra.Telegram.Rpc;

/// <summary>The auth key is not (or no longer) logged in: AUTH_KEY_UNREGISTERED, SESSION_REVOKED, USER_DEACTIVATED...</summary>
public sealed class UnauthorizedException(int code, string errorMessage) : RpcException(code, errorMessage);
