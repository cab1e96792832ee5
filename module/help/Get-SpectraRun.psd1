@{
    Synopsis    = 'Lists the runs recorded in an archive (imports, optimizes): how each ended and what it wrote.'
    Description = @'
Every Import-SpectraExport and Optimize-SpectraDatabase records a run in the archive: its kind, start and end time, outcome, the messages it inserted, updated and found unchanged, the problems it recorded (Errors: messages it could not read or write, which make the outcome Partial, and media files it refused or could not read, whose messages are kept without them), the media it stored, and the process that ran it. Get-SpectraRun writes one object per run, newest first, so a scheduled task or a runbook can ask how the last run went.

A run whose process died (a crash, a kill, a power cut) never records its end. Its Outcome is shown as Interrupted when its process is known to be gone on this machine; the next run on the same machine records it as Failed and says so in its Detail and in a warning. A run begun on another machine (or before schema version 5, which records the process) that never recorded its end stays Running here: this machine cannot see that process. Test-SpectraDatabase reports such runs in its Runs check.
'@
    Parameters  = @{
        Id       = 'Only these runs, by RunId. Accepts RunId from the pipeline.'
        Kind     = 'Only runs of these kinds: Import, Optimize.'
        Outcome  = 'Only runs with these outcomes: Succeeded, Partial (some messages could not be imported; see Errors), Failed, Cancelled (stopped with Ctrl+C), Running, Interrupted (recorded as running, but its process is gone).'
        After    = 'Only runs started at or after this time. A date without an offset is local time; a DateTimeOffset (the Date of a message, the StartTime of a run) is the instant it names.'
        Before   = 'Only runs started before this time.'
        First    = 'At most this many runs: the newest that match.'
        Database = 'The archive database. Default: storage.database from the configuration ($env:SPECTRA_DB_PATH, .env, the config file named by $env:SPECTRA_CONFIG or ./spectra_config.json), else spectra.db in the current location. Opened read-only. Accepts Database from the pipeline: channels, messages, search results, import summaries and runs carry the archive they came from.'
    }
    Examples    = @(
        @{
            Title   = 'The last five runs'
            Code    = 'Get-SpectraRun -Database ./archive.db -First 5'
            Remarks = ''
        }
        @{
            Title   = 'Fail a scheduled task when the last import did not succeed'
            Code    = '$last = Get-SpectraRun -Database ./archive.db -Kind Import -First 1; if ($last.Outcome -ne ''Succeeded'') { throw "Last import: $($last.Outcome) ($($last.Errors) error(s)) $($last.Detail)" }'
            Remarks = ''
        }
        @{
            Title   = 'Runs that were interrupted or failed this month'
            Code    = 'Get-SpectraRun -Database ./archive.db -Outcome Interrupted, Failed -After (Get-Date -Day 1).Date | Format-List RunId, Kind, StartTime, Detail'
            Remarks = ''
        }
    )
    Inputs      = @('Spectra.PowerShell.Models.SpectraRun (by the RunId and Database properties)', 'Spectra.PowerShell.Models.SpectraChannel, SpectraMessage, ImportSummary, ArchiveExportSummary (by the Database property)')
    Outputs     = @('Spectra.PowerShell.Models.SpectraRun')
    Notes       = 'Runs are kept in the archive only; Export-SpectraArchive does not write them. Error ids: DatabaseNotFound, DatabaseNeedsUpgrade (an archive older than schema version 4: run Optimize-SpectraDatabase once), DatabaseDamaged (InvalidData; SQLite found damaged pages while reading: the command stops; run Test-SpectraDatabase -Deep, then restore from a backup), DatabaseReadFailed (ReadError; any other SQLite failure while reading). Configuration and logs: the archive, its media folder (storage.media_dir) and the log come from the configuration layers (see docs/configuration.md); a config file that cannot be read is an error (ConfigParseError, ConfigFileNotFound, ConfigInvalid, with file and line) unless -Database is given, when it only costs a warning. Engine events go to the Verbose stream (-Verbose) and, at logging.level Debug or with -Debug, to the Debug stream, and, redacted, to a compact-JSON log file spectra-yyyyMMdd.clef in logging.directory; by default a logs folder beside the database.'
}
