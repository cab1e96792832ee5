@{
    Synopsis    = 'Reads archived messages, filtered by channel, id, date, sender and media, streaming them one at a time.'
    Description = @'
Writes archived messages in (channel, message id) order. Each object carries ChannelId, MessageId, Date (UTC), EditDate, Sender and SenderId, Text, the kind (Message, Service), reply, topic and forward information, view and forward counts, and Media: the attachments with their kind, sanitized original file name, MIME type, size, SHA-256 and the Path of the stored file (or the reason it is missing).

Messages are read and written to the pipeline one at a time, so memory stays flat however large the archive is; stop early with -First or Select-Object -First. Filters combine with AND. Dates without a time zone are taken as local time.
'@
    Parameters  = @{
        Channel  = 'Only this channel: marked or bare id, @username or exact title. All channels when omitted. Accepts PeerId or ChannelId from the pipeline (e.g. from Get-SpectraChannel).'
        Id       = 'Only these message ids. Accepts MessageId from the pipeline.'
        After    = 'Only messages dated at or after this time. A date without an offset is local time; a DateTimeOffset (the Date of a message, the StartTime of a run) is the instant it names.'
        Before   = 'Only messages dated before this time.'
        Sender   = 'Only messages from this sender: a numeric sender id, @username, or a name matched against the recorded sender name (case-insensitive; wildcards * and ?). The filter reads every message of the channels it covers, so on a large archive combine it with -Channel.'
        HasMedia = 'Only messages with attachments (stored or missing). -HasMedia:$false returns only messages without any.'
        First    = 'At most this many messages (for each channel piped in).'
        Database = 'The archive database. Default: storage.database from the configuration ($env:SPECTRA_DB_PATH, .env, the config file named by $env:SPECTRA_CONFIG or ./spectra_config.json), else spectra.db in the current location. Opened read-only. Accepts Database from the pipeline: channels, messages, search results, import and export summaries carry the archive they came from, so a pipeline keeps reading that archive without -Database again.'
    }
    Examples    = @(
        @{
            Title   = 'Messages of one channel in March 2024'
            Code    = 'Get-SpectraMessage -Channel ''@spectra_news'' -After 2024-03-01 -Before 2024-04-01 -Database ./archive.db'
            Remarks = ''
        }
        @{
            Title   = 'Every stored photo file of a sender'
            Code    = 'Get-SpectraMessage -Sender "Alice*" -HasMedia -Database ./archive.db | ForEach-Object Media | Where-Object Kind -eq photo | Select-Object FileName, Path'
            Remarks = ''
        }
        @{
            Title   = 'Export a channel to CSV'
            Code    = 'Get-SpectraMessage -Channel -1001234567890 -Database ./archive.db | Select-Object MessageId, Date, Sender, Text | Export-Csv ./channel.csv'
            Remarks = 'Streams: the whole channel never has to fit in memory.'
        }
    )
    Inputs      = @('Spectra.PowerShell.Models.SpectraChannel, SpectraMessage, SpectraSearchResult, ImportSummary, ArchiveExportSummary (by the PeerId or ChannelId, MessageId and Database properties)')
    Outputs     = @('Spectra.PowerShell.Models.SpectraMessage')
    Notes       = 'Error ids: ChannelNotFound, AmbiguousChannel, DatabaseNotFound, NotASpectraDatabase, DatabaseTooNew, DatabaseNeedsUpgrade, DatabaseDamaged (InvalidData; SQLite found damaged pages while reading: the command stops; run Test-SpectraDatabase -Deep, then restore from a backup (Backup-SpectraDatabase) or rebuild the search index if only it is damaged), DatabaseReadFailed (ReadError; any other SQLite failure while reading, such as an I/O error). Configuration and logs: the archive, its media folder (storage.media_dir) and the log come from the configuration layers (see docs/configuration.md); a config file that cannot be read is an error (ConfigParseError, ConfigFileNotFound, ConfigInvalid, with file and line) unless -Database is given, when it only costs a warning. Engine events go to the Verbose stream (-Verbose) and, at logging.level Debug or with -Debug, to the Debug stream, and, redacted, to a compact-JSON log file spectra-yyyyMMdd.clef in logging.directory; by default a logs folder beside the database.'
}
