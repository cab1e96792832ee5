@{
    Synopsis    = 'Checks a Spectra archive for damage and drift without changing it, one result object per check.'
    Description = @'
Runs a series of checks on the archive database and its media directory and writes one object per check (Check, Status Pass/Warn/Fail, Message, Fix) as each completes:

File (exists, readable, SQLite header), SchemaVersion (a Spectra archive at a version this Spectra understands), QuickCheck (SQLite quick_check; IntegrityCheck with -Deep), ForeignKeys (foreign_key_check), Schema (tables, columns, indexes and triggers compared with what the migrations create for the archive's version, so an archive not yet upgraded is not taken for a damaged one), FullTextIndex (the search index covers exactly the messages with text), FullTextContent (-Deep: every message re-tokenized and each word compared, with its position, with the search index, which is walked in full: FTS5's own integrity-check, run on an in-memory copy of the index), OrphanedRows, MediaFiles (every recorded file present with its size; UnexpectedMediaFiles warns about files the archive does not know), MediaHashes (-Deep: every file re-hashed with SHA-256), WalSize, FreePages, Statistics (planner statistics present and fresh) and Runs (runs that never recorded their end: in progress, or interrupted when their process died; the next run on the same machine records an interrupted one as failed).

The database is opened read-only and the database file is never modified. The check reads under SQLite's write-ahead-log locks, so an archive run or import that writes meanwhile is not mistaken for damage: each check reads one consistent state of the archive (a later check may see what was written since). For those locks SQLite may create the -shm file and an empty -wal file beside the database; the next writing command uses them and removes them when it closes. In a folder this session cannot write to (no writer can work there either) nothing is created. Scratch work for -Deep happens in memory, or past 256 MiB in a temporary file that SQLite deletes when done.

A missing file, a file that is not a database or cannot be read gives a Fail result, not an exception. With -Quiet only $true (no check failed; warnings allowed) or $false is written.
'@
    Parameters  = @{
        Path           = 'The archive database. Default: storage.database from the configuration ($env:SPECTRA_DB_PATH, .env, the config file named by $env:SPECTRA_CONFIG or ./spectra_config.json), else spectra.db in the current location. Accepts FullName, Database or Destination (a backup result: the copy is checked) from the pipeline; an archive named by several piped objects (the channels or import summaries of one archive) is checked once.'
        Deep           = 'Also run the slow checks: full integrity_check instead of quick_check, re-tokenize all message text against the search index, and re-hash every media file.'
        Quiet          = 'Write only $true when no check failed (warnings allowed), otherwise $false: one Boolean per archive. Failures are described in the verbose stream.'
        MediaDirectory = 'The media directory. Default: storage.media_dir from the configuration ($env:SPECTRA_MEDIA_DIR, .env, config file), else the media folder next to the database. Accepts MediaDirectory from the pipeline: a backup result brings its source archive''s media folder, which the copy refers to.'
    }
    Examples    = @(
        @{
            Title   = 'Check the archive'
            Code    = 'Test-SpectraDatabase -Path ./archive.db'
            Remarks = 'One line per check with its status; Fix explains what to do about a Warn or Fail.'
        }
        @{
            Title   = 'Gate a backup script on a deep check'
            Code    = 'if (Test-SpectraDatabase ./archive.db -Deep -Quiet) { Backup-SpectraDatabase -Database ./archive.db -Destination ./backup/archive.db -Force }'
            Remarks = 'Backs up only an archive in which no check failed.'
        }
        @{
            Title   = 'Back up, then check the copy'
            Code    = 'Backup-SpectraDatabase -Database ./archive.db -Destination ./backups/ | Test-SpectraDatabase -Deep'
            Remarks = 'The backup result binds -Path by its Destination and -MediaDirectory by the source archive''s media folder, which the copy shares.'
        }
        @{
            Title   = 'Show only problems with their fixes'
            Code    = 'Test-SpectraDatabase ./archive.db | Where-Object Status -ne Pass | Format-List Check, Status, Message, Fix'
            Remarks = ''
        }
    )
    Inputs      = @('System.String')
    Outputs     = @('Spectra.PowerShell.Models.SpectraDatabaseCheck', 'System.Boolean')
    Notes       = 'Exit status for scripts: use -Quiet. Statuses: Pass (fine), Warn (worth attention, not damage), Fail (damage or an unusable archive). Configuration and logs: the archive, its media folder (storage.media_dir) and the log come from the configuration layers (see docs/configuration.md); a config file that cannot be read is an error (ConfigParseError, ConfigFileNotFound, ConfigInvalid, with file and line) unless -Database is given, when it only costs a warning. Engine events go to the Verbose stream (-Verbose) and, at logging.level Debug or with -Debug, to the Debug stream, and, redacted, to a compact-JSON log file spectra-yyyyMMdd.clef in logging.directory; by default a logs folder beside the database.'
}
