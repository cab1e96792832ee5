using System.Runtime.InteropServices;

namespace Spectra.Core.Interop;

/// <summary>
/// The one SQLite C function SQLitePCLRaw does not wrap. It binds to the same e_sqlite3 library SQLitePCLRaw's
/// provider loads (same name, same resolution, also inside the module's load context), so it acts on its handles.
/// </summary>
internal static partial class Sqlite3
{
    private const string Library = "e_sqlite3";

    /// <summary>Unregisters every virtual-table module of one connection except those in <paramref name="keep"/> (NULL: all).</summary>
    [LibraryImport(Library, EntryPoint = "sqlite3_drop_modules")]
    internal static partial int DropModules(nint connection, nint keep);
}
