@{
    Synopsis    = 'Searches message text with SQLite FTS5 full-text search, best match first, with highlighted snippets.'
    Description = @'
Searches the archive's full-text index (FTS5, unicode61 tokenizer with diacritics removed: "cafe" finds "café") and writes one result per matching message, best first: Rank (1 = best), Score (relevance from FTS5's bm25; higher is better), Snippet (the matching passage with hits in [brackets]), the message's ChannelId, MessageId, Date, Sender and Text, and the full message object in Message.

The query uses FTS5 syntax: words (all must occur), "exact phrases", OR, NOT, AND (capitals), prefix* searches, NEAR(word1 word2, 10) and parentheses. A query that is not valid FTS5 syntax is reported as an error with the id InvalidSearchQuery and a hint; other queries piped in are still run.
'@
    Parameters  = @{
        Query    = 'The FTS5 query. Accepts strings from the pipeline (one search each).'
        Channel  = 'Only this channel: marked or bare id, @username or exact title. Accepts PeerId or ChannelId from the pipeline.'
        After    = 'Only messages dated at or after this time. A date without an offset is local time; a DateTimeOffset (the Date of a message, the StartTime of a run) is the instant it names.'
        Before   = 'Only messages dated before this time.'
        First    = 'At most this many results (default 100).'
        Database = 'The archive database. Default: storage.database from the configuration ($env:SPECTRA_DB_PATH, .env, the config file named by $env:SPECTRA_CONFIG or ./spectra_config.json), else spectra.db in the current location. Opened read-only. Accepts Database from the pipeline: channels, messages, search results, import and export summaries carry the archive they came from, so a pipeline keeps reading that archive without -Database again.'
    }
    Examples    = @(
        @{
            Title   = 'Find a phrase'
            Code    = 'Search-SpectraMessage -Query ''"release notes"'' -Database ./archive.db'
            Remarks = ''
        }
        @{
            Title   = 'Prefix and boolean operators within one channel'
            Code    = 'Search-SpectraMessage -Query ''archiv* AND (sqlite OR postgres) NOT backup'' -Channel ''@spectra_news'' -First 20 -Database ./archive.db'
            Remarks = ''
        }
        @{
            Title   = 'Read the full text of the best hit'
            Code    = '(Search-SpectraMessage telegram -First 1 -Database ./archive.db).Message | Format-List'
            Remarks = ''
        }
    )
    Inputs      = @('System.String')
    Outputs     = @('Spectra.PowerShell.Models.SpectraSearchResult')
    Notes       = 'Error ids: InvalidSearchQuery, ChannelNotFound, AmbiguousChannel, DatabaseNotFound, DatabaseDamaged (InvalidData; SQLite found damaged pages while reading: the command stops; run Test-SpectraDatabase -Deep, then restore from a backup (Backup-SpectraDatabase) or rebuild the search index if only it is damaged), DatabaseReadFailed (ReadError; any other SQLite failure while reading, such as an I/O error). Configuration and logs: the archive, its media folder (storage.media_dir) and the log come from the configuration layers (see docs/configuration.md); a config file that cannot be read is an error (ConfigParseError, ConfigFileNotFound, ConfigInvalid, with file and line) unless -Database is given, when it only costs a warning. Engine events go to the Verbose stream (-Verbose) and, at logging.level Debug or with -Debug, to the Debug stream, and, redacted, to a compact-JSON log file spectra-yyyyMMdd.clef in logging.directory; by default a logs folder beside the database.'
}
