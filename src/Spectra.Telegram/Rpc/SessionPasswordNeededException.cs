namespace Spectra.Telegram.Rpc;

/// <summary>SESSION_PASSWORD_NEEDED: the account has two-step verification; continue with account.getPassword and SRP.</summary>
public sealed class SessionPasswordNeededException(int code, string errorMessage) : RpcException(code, errorMessage);
