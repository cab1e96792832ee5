@{
    Synopsis    = 'Lists the archived channels, groups and chats with message counts, date range and media totals.'
    Description = @'
Writes one object per archived peer (a peer with messages or a sync state): its marked PeerId (the archive key; channels are -100...), type, username, title, number of messages, first and last message date, number of attachments, distinct stored files and their bytes, and the sync status of its archive.

Channels can be chosen by marked id, bare Telegram id, @username or exact title. A name that matches nothing or several peers is reported as an error (ChannelNotFound, AmbiguousChannel) and the other names are still processed.
'@
    Parameters  = @{
        Channel  = 'Only these channels: marked or bare id, @username or exact title. Accepts strings and PeerId or ChannelId from the pipeline.'
        Database = 'The archive database. Default: storage.database from the configuration ($env:SPECTRA_DB_PATH, .env, the config file named by $env:SPECTRA_CONFIG or ./spectra_config.json), else spectra.db in the current location. Opened read-only. Accepts Database from the pipeline: channels, messages, search results, import and export summaries carry the archive they came from, so a pipeline keeps reading that archive without -Database again.'
    }
    Examples    = @(
        @{
            Title   = 'List everything in the archive'
            Code    = 'Get-SpectraChannel -Database ./archive.db'
            Remarks = ''
        }
        @{
            Title   = 'The largest channels by media'
            Code    = 'Get-SpectraChannel -Database ./archive.db | Sort-Object MediaBytes -Descending | Select-Object -First 5 Title, MessageCount, MediaBytes'
            Remarks = ''
        }
        @{
            Title   = 'One channel, then its latest messages'
            Code    = 'Get-SpectraChannel ''@durov'' -Database ./archive.db | Get-SpectraMessage -After (Get-Date).AddDays(-7)'
            Remarks = 'The channel object binds to -Channel of Get-SpectraMessage through its PeerId and to -Database through its Database.'
        }
    )
    Inputs      = @('System.String')
    Outputs     = @('Spectra.PowerShell.Models.SpectraChannel')
    Notes       = 'MediaBytes counts each stored file once per channel; the same file in two channels is stored once on disk. Error ids: ChannelNotFound, AmbiguousChannel, DatabaseNotFound, DatabaseDamaged (InvalidData; SQLite found damaged pages while reading: the command stops; run Test-SpectraDatabase -Deep, then restore from a backup (Backup-SpectraDatabase) or rebuild the search index if only it is damaged), DatabaseReadFailed (ReadError; any other SQLite failure while reading, such as an I/O error). Configuration and logs: the archive, its media folder (storage.media_dir) and the log come from the configuration layers (see docs/configuration.md); a config file that cannot be read is an error (ConfigParseError, ConfigFileNotFound, ConfigInvalid, with file and line) unless -Database is given, when it only costs a warning. Engine events go to the Verbose stream (-Verbose) and, at logging.level Debug or with -Debug, to the Debug stream, and, redacted, to a compact-JSON log file spectra-yyyyMMdd.clef in logging.directory; by default a logs folder beside the database.'
}
