namespace Spectra.Core.Storage.Model;

/// <summary>A message that could not be written; collected per batch (and stored in <c>message_errors</c>) without stopping it.</summary>
public sealed record MessageError(long PeerId, long? MessageId, string ErrorId, string Message);
