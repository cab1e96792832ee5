@{
    Synopsis    = 'Imports Telegram Desktop JSON exports (single chats or a whole account) into the Spectra archive.'
    Description = @'
Reads the result.json written by Telegram Desktop's "Export chat history" or "Export Telegram data" (JSON format) and writes its chats and messages into the archive. The file is streamed, so memory stays flat however large the export is. A whole-account export imports every chat in chats.list and left_chats.list; its account sections (personal information, contacts, sessions, profile pictures, stories) are not chat history and are skipped.

Every field of the format is kept: text (plain or formatted, with its entities), senders (user, channel and chat ids), dates and edit dates, replies, forwards, via-bot, service messages (actions with their actor, members, title, ...), photos, files, stickers, videos, voice and round messages, audio, animations, polls, contacts, locations, venues, reactions, inline buttons, games and invoices. Fields without a column of their own stay in the message's JSON columns, and the whole message object is stored as raw JSON (format tdesktop-json).

Files referenced by the export are copied into the content-addressed media store (stored once however many messages use them). Placeholders such as "(File not included...)" are recorded as missing media. A media path leading out of the export folder (../.., absolute paths, links) is refused and reported; the file is never read.

Importing is idempotent: running it again adds nothing (and an export named several times in one command, such as the per-chat summaries Export-SpectraArchive pipes in, is read once), and importing over messages already archived live merges by (chat, message id) without erasing what the live archive knows (views, forwards). An import that is interrupted (Ctrl+C, crash) can simply be run again and ends with exactly the messages of an uninterrupted run.

One summary object is written per chat. Problems with single messages are written as non-terminating errors (with the file, line and field) and counted in Failed; the rest of the chat is imported.
'@
    Parameters  = @{
        Path        = 'Export folder (holding result.json) or the result.json file. Wildcards are allowed; a path that exists as written (a name with [ ]) is taken as it is. Accepts strings, and Path by name (the summaries of Export-SpectraArchive), from the pipeline.'
        LiteralPath = 'Like -Path, without wildcard expansion. Accepts PSPath or FullName from the pipeline, so folders and files from Get-Item or Get-ChildItem are imported as themselves, also when their names contain [ ] * or ?.'
        Database    = 'The archive database file; created with its schema when missing. Default: storage.database from the configuration ($env:SPECTRA_DB_PATH, .env, the config file named by $env:SPECTRA_CONFIG or ./spectra_config.json), else spectra.db in the current location. Media go to storage.media_dir from the configuration, else a media folder beside it.'
        BatchSize   = 'Messages written per transaction (default 1000). Smaller batches lose less work when interrupted; larger ones are slightly faster.'
    }
    Examples    = @(
        @{
            Title   = 'Import one exported chat'
            Code    = 'Import-SpectraExport -Path ''~/Downloads/Telegram Desktop/ChatExport_2024-03-01'' -Database ./archive.db'
            Remarks = 'Writes one summary object with the numbers of imported, skipped and failed messages and of stored and missing media.'
        }
        @{
            Title   = 'Import every export in a folder and see what failed'
            Code    = 'Get-ChildItem ./exports -Directory | Import-SpectraExport -Database ./archive.db -ErrorVariable problems; $problems | Select-Object FullyQualifiedErrorId, TargetObject'
            Remarks = 'Pipes export folders in by their PSPath (to -LiteralPath). Each per-message problem is an error record whose target is "<chat>#<message id>".'
        }
        @{
            Title   = 'See what would be imported'
            Code    = 'Import-SpectraExport ./export -WhatIf'
            Remarks = 'Lists the exports that would be imported; nothing is read or written, no database is created.'
        }
    )
    Inputs      = @('System.String (Path)', 'System.IO.DirectoryInfo and System.IO.FileInfo (LiteralPath, by the PSPath or FullName property)')
    Outputs     = @('Spectra.PowerShell.Models.ImportSummary')
    Notes       = 'Error ids: ExportNotFound, ExportResultJsonNotFound (ObjectNotFound); ExportNotAnObject, ExportHasNoChats, ExportMessagesInvalid, ExportTruncated (InvalidData; the messages read before a cut or a syntax error are imported and summarized first); ExportJsonInvalid (ParserError); per message: ExportMessageNotObject (an entry of the message list that is not an object), ExportMessageIdMissing, ExportMessageDateMissing, ExportMessageDateInvalid (a timestamp outside the years 1-9999), ExportMessageTextInvalid (also a string that is not valid Unicode, such as an unpaired \ud83d escape, with the field that holds it), ExportMessageInvalidJson, ExportMediaPathRefused (SecurityError), ExportMediaFileNotFound, MediaSourceUnreadable (ReadError: a media file of the export that cannot be read or is not a regular file, such as a pipe; the message is imported without it), InvalidMessageData. Archive errors: DatabaseFolderUnavailable (WriteError: a folder of -Database cannot be created), DatabaseBusy (ResourceBusy: another program kept the archive locked for the whole 30 s wait; close it or retry), DatabaseReadOnly (PermissionDenied: the file or its folder is not writable), DiskFull (WriteError: free space and run the command again; it resumes), DatabaseWriteFailed (WriteError: any other write failure; the failed transaction is rolled back). Ctrl+C stops promptly, also while waiting for a lock; the batch in progress is rolled back and a re-run resumes. Configuration and logs: the archive, its media folder (storage.media_dir) and the log come from the configuration layers (see docs/configuration.md); a config file that cannot be read is an error (ConfigParseError, ConfigFileNotFound, ConfigInvalid, with file and line) unless -Database is given, when it only costs a warning. Engine events go to the Verbose stream (-Verbose) and, at logging.level Debug or with -Debug, to the Debug stream, and, redacted, to a compact-JSON log file spectra-yyyyMMdd.clef in logging.directory; by default a logs folder beside the database.'
}
