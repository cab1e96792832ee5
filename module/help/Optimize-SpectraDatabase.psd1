@{
    Synopsis    = 'Refreshes planner statistics, compacts the search index, VACUUMs the file and truncates the write-ahead log.'
    Description = @'
Runs, in order: (optionally) a rebuild of the full-text index from the message text, ANALYZE (planner statistics), the FTS5 optimize command (merges the search index into one segment), VACUUM (rewrites the file without free pages) and a TRUNCATE checkpoint of the write-ahead log. Progress is shown per step. The run is recorded in the archive (runs table, kind optimize), which Test-SpectraDatabase uses to judge whether statistics are fresh.

VACUUM needs free disk space about the size of the database and waits for other writers; run it when no archive run is active, or skip it with -NoVacuum. The database must exist: this command never creates one. An archive at an older schema version is upgraded first.
'@
    Parameters  = @{
        Database           = 'The archive database. Default: storage.database from the configuration ($env:SPECTRA_DB_PATH, .env, the config file named by $env:SPECTRA_CONFIG or ./spectra_config.json), else spectra.db in the current location. Accepts FullName or Path from the pipeline (and Database, by name); an archive named by several piped objects is optimized once.'
        RebuildSearchIndex = 'Rebuild the full-text search index from the message text first: the fix for a FullTextIndex or FullTextContent failure of Test-SpectraDatabase.'
        NoVacuum           = 'Skip VACUUM (which rewrites the whole file and needs that much free disk space).'
    }
    Examples    = @(
        @{
            Title   = 'Optimize the archive'
            Code    = 'Optimize-SpectraDatabase -Database ./archive.db'
            Remarks = 'Writes an object with the sizes before and after and the bytes reclaimed.'
        }
        @{
            Title   = 'Repair the search index'
            Code    = 'Optimize-SpectraDatabase ./archive.db -RebuildSearchIndex -NoVacuum -Confirm:$false'
            Remarks = 'Rebuilds the index from the message text without rewriting the whole file.'
        }
        @{
            Title   = 'See what would run'
            Code    = 'Optimize-SpectraDatabase ./archive.db -WhatIf'
            Remarks = ''
        }
    )
    Inputs      = @('System.IO.FileInfo (by the FullName property), or any object with a Database or Path property')
    Outputs     = @('Spectra.PowerShell.Models.SpectraOptimizeResult')
    Notes       = 'Supports -WhatIf and -Confirm. Error ids: DatabaseNotFound, DatabaseBusy (ResourceBusy: another program kept the archive locked for the whole 30 s wait; close it or retry), DatabaseReadOnly (PermissionDenied: the file or its folder is not writable), DiskFull (WriteError: free space and run the command again; it resumes), DatabaseWriteFailed (WriteError: any other write failure; the failed transaction is rolled back). When another program keeps reading the archive, the checkpoint cannot truncate the log: a warning says so, CheckpointBusy is true on the result and the run is recorded as partial; run the command again when the archive is idle. Ctrl+C stops the running step (an interrupted VACUUM or ANALYZE is rolled back, leaving the archive as it was) and records the run as cancelled. Configuration and logs: the archive, its media folder (storage.media_dir) and the log come from the configuration layers (see docs/configuration.md); a config file that cannot be read is an error (ConfigParseError, ConfigFileNotFound, ConfigInvalid, with file and line) unless -Database is given, when it only costs a warning. Engine events go to the Verbose stream (-Verbose) and, at logging.level Debug or with -Debug, to the Debug stream, and, redacted, to a compact-JSON log file spectra-yyyyMMdd.clef in logging.directory; by default a logs folder beside the database.'
}
