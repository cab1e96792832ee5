@{
    Synopsis    = 'Lists the archived channels, groups and chats with message counts, date range and media totals.'
    Description = @'
Writes one object per archived peer (a peer with messages or a sync state): its marked PeerId (the archive key; channels are -100...), type, username, title, number of messages, first and last message date, number of attachments, distinct stored files and their bytes, and the sync status of its archive.

Channels can be chosen by marked id, bare Telegram id, @username or exact title. A name that matches nothing or several peers is reported as an error (ChannelNotFound, AmbiguousChannel) and the other names are still processed.
'@
    Parameters  = @{
        Channel  = 'Only these channels: marked or bare id, @username or exact title. Accepts strings and PeerId or ChannelId from the pipeline.'
        Database = 'The archive database. Default: $env:SPECTRA_DB_PATH, else spectra.db in the current location. Opened read-only.'
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
            Code    = 'Get-SpectraChannel @durov -Database ./archive.db | Get-SpectraMessage -Database ./archive.db -After (Get-Date).AddDays(-7)'
            Remarks = 'The channel object binds to -Channel of Get-SpectraMessage through its PeerId.'
        }
    )
    Inputs      = @('System.String')
    Outputs     = @('Spectra.PowerShell.Models.SpectraChannel')
    Notes       = 'MediaBytes counts each stored file once per channel; the same file in two channels is stored once on disk.'
}
