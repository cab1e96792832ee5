namespace Spectra.Telegram.Rpc;

/// <summary>FILE_REFERENCE_EXPIRED: re-fetch the message or photo to get a fresh file_reference, then retry.</summary>
public sealed class FileReferenceExpiredException(int code, string errorMessage) : RpcException(code, errorMessage);
