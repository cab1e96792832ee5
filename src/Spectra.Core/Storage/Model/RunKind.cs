namespace Spectra.Core.Storage.Model;

/// <summary>What a row in <c>runs</c> records.</summary>
public enum RunKind
{
    Archive,
    Import,
    Optimize,
}
