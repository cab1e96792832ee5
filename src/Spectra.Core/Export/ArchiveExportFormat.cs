namespace Spectra.Core.Export;

/// <summary>What Export-SpectraArchive writes.</summary>
public enum ArchiveExportFormat
{
    /// <summary>Telegram Desktop's result.json layout, which Import-SpectraExport (and other tools) read back.</summary>
    Json,

    /// <summary>A static, paginated website that opens from disk.</summary>
    Html,
}
