@{
    Synopsis    = 'Exports archived chats as Telegram Desktop JSON (importable again) or as a static HTML website.'
    Description = @'
-Format Json writes result.json in Telegram Desktop's export format, with the media files beside it. One chat gives the single-chat layout (name, type, id, messages); several give the whole-account layout (chats.list). Messages that came from a Telegram Desktop export are written back exactly as they were imported, so importing the export again yields the same messages; messages archived live are rebuilt in the same format (text with its entities, sender, dates, replies, forwards, service actions, media). Files keep their export paths; when chats imported from different exports name the same path for different files, the later file goes to photos/ or files/<sha256>/<name> and its message names that path. result.json is written under a temporary .partial name and takes its own only when complete, so a stopped or failed export leaves any earlier result.json as it was.

-Format Html writes a static site that opens from disk: index.html lists the chats, and each chat has pages of -PageSize messages (chats/<user|chat|channel><id>/page-0001.html, ...) with links between pages. All archived text is HTML-escaped; media files are copied to media/<2 hex>/<sha256>.<ext> and linked relatively (the extension is kept only for files a browser shows, plays or downloads, never for pages or scripts such as .html or .svg); attachments the archive has no file for are shown as missing.

Both stream the archive, so memory stays flat on large archives. One summary object is written per chat. The archive is only read, opened read-only as Get-SpectraMessage opens it: the export never upgrades it or checkpoints its write-ahead log into the database file, and it works on an archive in a folder that cannot be written.
'@
    Parameters  = @{
        Format      = 'Json (Telegram Desktop result.json, re-importable with Import-SpectraExport) or Html (static paginated site).'
        Destination = 'The folder to write into; created when missing. Files already there with the same name are replaced (result.json, pages); media files already present are kept.'
        Channel     = 'The chats to export: marked peer id, bare Telegram id, @username or title (as Get-SpectraChannel shows them). Accepts pipeline input, also by the PeerId/ChannelId property. Default: every chat with messages; but a pipeline that brings no chat (a filter that matched nothing) exports nothing. A name that matches no chat is reported as an error (ChannelNotFound) and the other chats are still exported.'
        Database    = 'The archive database to read. Default: storage.database from the configuration ($env:SPECTRA_DB_PATH, .env, the config file named by $env:SPECTRA_CONFIG or ./spectra_config.json), else spectra.db in the current location. It must exist. Accepts Database from the pipeline: chats piped from Get-SpectraChannel are exported from the archive they were read from (chats of two archives in one pipeline: ExportMixedArchives for the later ones).'
        PageSize    = 'Messages per HTML page (default 100). Ignored for Json.'
    }
    Examples    = @(
        @{
            Title   = 'Export everything as a browsable site'
            Code    = 'Export-SpectraArchive -Format Html -Destination ./site -Database ./archive.db; Invoke-Item ./site/index.html'
            Remarks = 'Writes index.html and one folder of pages per chat; open index.html in a browser.'
        }
        @{
            Title   = 'Export one channel in Telegram Desktop format and import it elsewhere'
            Code    = 'Export-SpectraArchive Json ./out -Channel ''@my_channel'' -Database ./archive.db; Import-SpectraExport ./out -Database ./copy.db'
            Remarks = '@my_channel stands for one of your chats: a username, peer id or title as Get-SpectraChannel lists it. The second archive ends up with the same messages.'
        }
    )
    Inputs      = @('System.String (Channel, also by the PeerId/ChannelId property)')
    Outputs     = @('Spectra.PowerShell.Models.ArchiveExportSummary')
    Notes       = 'Error ids: ChannelNotFound (ObjectNotFound; a name that matches no chat is reported with that name as the target and the chats that were found are exported; when no name matches, the command stops and writes nothing), ExportMixedArchives (InvalidArgument, a piped chat from another archive than the first: export each archive on its own), ExportDestinationIsFile (InvalidArgument), ExportDestinationUnwritable (WriteError, the file system refused to write the export: a file where a folder is needed, a name too long, no write access or a full disk; the message names the path: choose a writable folder), ExportMediaPathConflict (WriteError, two different files claiming one path: export those chats separately), DatabaseNotFound (ObjectNotFound), DatabaseNeedsUpgrade (InvalidOperation, an archive at an older schema version: run Optimize-SpectraDatabase once), DatabaseDamaged (InvalidData; SQLite found damaged pages while reading: the command stops; run Test-SpectraDatabase -Deep, then restore from a backup (Backup-SpectraDatabase) or rebuild the search index if only it is damaged), DatabaseReadFailed (ReadError; any other SQLite failure while reading, such as an I/O error), and other storage errors when the database cannot be opened. Configuration and logs: the archive, its media folder (storage.media_dir) and the log come from the configuration layers (see docs/configuration.md); a config file that cannot be read is an error (ConfigParseError, ConfigFileNotFound, ConfigInvalid, with file and line) unless -Database is given, when it only costs a warning. Engine events go to the Verbose stream (-Verbose) and, at logging.level Debug or with -Debug, to the Debug stream, and, redacted, to a compact-JSON log file spectra-yyyyMMdd.clef in logging.directory; by default a logs folder beside the database.'
}
