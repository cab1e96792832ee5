using Spectra.Core.Errors;

namespace Spectra.Core.Import;

/// <summary>A problem with one message (or one of its files) that did not stop the import.</summary>
public sealed record ImportMessageError(string? Chat, long? ChatId, long? MessageId, SpectraException Error);
