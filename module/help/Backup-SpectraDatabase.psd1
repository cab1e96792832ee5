@{
    Synopsis    = 'Copies the archive database to a backup file with SQLite''s online backup API, safely while it is being written.'
    Description = @'
Makes a consistent copy of the archive database: the copy is one snapshot of the database even while an archive run or import keeps writing to it (the writer is not stopped). The copy is written to a temporary file next to the destination, verified with quick_check, flushed to disk and only then renamed to the destination, so a failed backup never leaves a partial file under that name. An existing destination is replaced only with -Force.

The media directory is not copied. Its files are stored under their SHA-256 and never change once written, so any file copy or sync tool can back it up incrementally.
'@
    Parameters  = @{
        Database    = 'The archive database to back up. Default: storage.database from the configuration ($env:SPECTRA_DB_PATH, .env, the config file named by $env:SPECTRA_CONFIG or ./spectra_config.json), else spectra.db in the current location. Accepts FullName or Path from the pipeline (and Database, by name); an archive named by several piped objects is backed up once.'
        Destination = 'The backup file to create, or a folder (an existing one, or a path ending in / or \) to create it in under the archive''s own file name. Its folder is created when missing.'
        Force       = 'Replace an existing file at the destination.'
    }
    Examples    = @(
        @{
            Title   = 'Back up to a dated file'
            Code    = 'Backup-SpectraDatabase -Database ./archive.db -Destination "./backups/archive-$(Get-Date -Format yyyyMMdd).db"'
            Remarks = 'Writes an object with the destination, its size, the number of messages it holds and the media folder it refers to (the source''s: media files are not copied). Pipe it to Test-SpectraDatabase to check the copy.'
        }
        @{
            Title   = 'Nightly backup that overwrites the previous one'
            Code    = 'Backup-SpectraDatabase ./backups/latest.db -Database ./archive.db -Force -Confirm:$false'
            Remarks = ''
        }
        @{
            Title   = 'Back up every archive in a folder into one backup folder'
            Code    = 'Get-ChildItem ./archives -Filter *.db | Backup-SpectraDatabase -Destination ./backups/ -Force'
            Remarks = 'Each archive is copied under its own name; BackupFailed (WriteError) when the folder cannot be written.'
        }
    )
    Inputs      = @('System.IO.FileInfo (by the FullName property), or any object with a Database or Path property')
    Outputs     = @('Spectra.PowerShell.Models.SpectraBackupResult')
    Notes       = 'Supports -WhatIf and -Confirm. Error ids: BackupDestinationExists, BackupOntoSource, BackupFailed, BackupVerificationFailed, DatabaseNotFound; BackupFailed also covers a full disk or a locked source, with the cause in its message. Ctrl+C stops the copy between steps and deletes the partial copy: nothing is put at the destination. Configuration and logs: the archive, its media folder (storage.media_dir) and the log come from the configuration layers (see docs/configuration.md); a config file that cannot be read is an error (ConfigParseError, ConfigFileNotFound, ConfigInvalid, with file and line) unless -Database is given, when it only costs a warning. Engine events go to the Verbose stream (-Verbose) and, at logging.level Debug or with -Debug, to the Debug stream, and, redacted, to a compact-JSON log file spectra-yyyyMMdd.clef in logging.directory; by default a logs folder beside the database.'
}
