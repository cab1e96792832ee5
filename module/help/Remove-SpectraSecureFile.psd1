@{
    Synopsis    = 'Overwrites files several times, verifies the last pass, then truncates, renames and deletes them.'
    Description = @'
Remove-SpectraSecureFile erases files so that their contents cannot be read back through the file system. Each file is overwritten -Passes times (by default three: 0x00, 0xFF, then random bytes from a cryptographic generator), every pass written in 1 MiB blocks and flushed to disk. The random pass is then read back (on Linux after dropping the file from the page cache) and compared with what was written. The file is truncated to zero length, renamed to a random name in the same directory (so the old name does not linger in the directory), the directory is flushed to disk, and the file is deleted. One result object is written per file: Path, Size, Passes, Verified, Duration and Warnings; each warning is also written to the warning stream. Files of 4 MiB or more show a progress bar per pass. With -Debug, each pass is logged (through the same redaction as Spectra's log files).

Symbolic links are never followed: a link is removed as a link and its target is left untouched, with a warning. A file that has other hard links is refused unless -Force is given, because deleting one name leaves the data reachable through the others; with -Force the data is overwritten and truncated (so the other names see an empty file) before this name is removed. Read-only files also need -Force. Directories need -Recurse; symbolic links inside them are removed without being followed.

Overwriting in place has limits, and the result says so: on copy-on-write or log-structured file systems (btrfs, ZFS, APFS, bcachefs, overlayfs, F2FS), on network file systems, and on solid-state devices (wear levelling), old blocks may survive. Full-disk encryption is the reliable protection there.

Errors for single files are non-terminating and carry stable ids: SecureDeletePathNotFound, SecureDeleteDirectoryNeedsRecurse, SecureDeleteHardLinkRefused, SecureDeleteReadOnlyRefused, SecureDeleteNotRegularFile, SecureDeleteVerificationFailed, SecureDeleteFileChanged and SecureDeleteFailed.
'@
    Parameters  = @{
        Path        = 'Files or directories to erase. Wildcards are expanded by the FileSystem provider; a path without wildcards is used as given, so a dangling symbolic link can still be removed.'
        LiteralPath = 'Files or directories to erase, used exactly as typed (no wildcard expansion). Alias PSPath, so output of Get-ChildItem binds to it through the pipeline.'
        Passes      = 'Number of overwrite passes, 1 to 35 (default 3). The last pass is always random; the passes before it alternate 0x00 and 0xFF.'
        Recurse     = 'Allow directories: erase every file under them (without following symbolic links), then remove the emptied directories.'
        Force       = 'Also erase files that have other hard links (the data is overwritten; the other names remain as empty files) and read-only files.'
        WhatIf      = 'Shows which files would be erased without changing anything.'
        Confirm     = 'Asks before erasing each target. The command asks by default (ConfirmImpact High); use -Confirm:$false in scripts.'
    }
    Examples    = @(
        @{
            Title   = 'Erase one file'
            Code    = "Remove-SpectraSecureFile -Path ./session.bak -Confirm:`$false"
            Remarks = 'Overwrites session.bak with 0x00, 0xFF and random bytes, verifies the random pass, then deletes it and prints the result.'
        }
        @{
            Title   = 'Erase what Get-ChildItem finds'
            Code    = "Get-ChildItem ./exports -Filter *.json | Remove-SpectraSecureFile -Confirm:`$false"
            Remarks = 'Get-ChildItem objects bind to -LiteralPath by their PSPath property.'
        }
        @{
            Title   = 'Preview a recursive erase'
            Code    = 'Remove-SpectraSecureFile -Path ./old-archive -Recurse -WhatIf'
            Remarks = 'Shows the directory that would be erased; nothing is changed.'
        }
        @{
            Title   = 'Check for storage limits'
            Code    = "Remove-SpectraSecureFile ./media/*.jpg -Confirm:`$false | Where-Object { `$_.Warnings }"
            Remarks = 'Lists files erased with a warning, for example on an SSD or a copy-on-write file system.'
        }
    )
    Inputs      = @('System.String (paths, by value for -Path)', 'System.IO.FileInfo and System.IO.DirectoryInfo (by the PSPath property, for -LiteralPath)')
    Outputs     = @('Spectra.PowerShell.Models.SecureDeleteResult')
    Notes       = 'Compared with GNU shred -n 3 -u: shred writes three random passes and does not read them back; this command writes 0x00, 0xFF and random passes and verifies the last one. See bench/foundation for measured throughput. Debug events are also written, redacted, to the compact-JSON log when logging.directory is configured (no log file otherwise; see docs/configuration.md); a configuration that cannot be read only costs a warning here.'
}
