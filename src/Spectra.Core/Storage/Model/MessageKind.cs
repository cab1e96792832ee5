namespace Spectra.Core.Storage.Model;

/// <summary>Ordinary message, service message (joins, pins, title changes, ...) or one the source could not decode.</summary>
public enum MessageKind
{
    Message,
    Service,
    Unsupported,
}
