# Cmdlet surface of the archive store. Archives are built through the engine itself (reached by reflection in the
# module's private load context), the way the importer and archiver write them; the cmdlets under test only read,
# check, optimize and back up.
BeforeAll {
    Import-Module (Join-Path $env:SPECTRA_MODULE_PATH 'Spectra.psd1') -Force
    # Any store cmdlet loads the engine into the module's load context.
    $null = Test-SpectraDatabase -Path (Join-Path $TestDrive 'absent.db') -Quiet
    $script:core = ([System.Runtime.Loader.AssemblyLoadContext]::All | Where-Object Name -EQ 'Spectra').Assemblies |
        Where-Object { $_.GetName().Name -eq 'Spectra.Core' }

    function Get-CoreType([string] $Name) { $script:core.GetType("Spectra.Core.Storage.$Name", $true) }

    function Set-Init($Object, [hashtable] $Values) {
        foreach ($key in $Values.Keys) { $Object.GetType().GetProperty($key).SetValue($Object, $Values[$key]) }
        $Object
    }

    # SQL run behind Spectra's back with the engine's own SQLite (loaded in the module's context), the way a damaging
    # tool or a crashed writer would leave the file.
    function Invoke-RawSql([string] $Path, [string] $Sql, [scriptblock] $WhileOpen) {
        $sqlite = ([System.Runtime.Loader.AssemblyLoadContext]::All | Where-Object Name -EQ 'Spectra').Assemblies |
            Where-Object { $_.GetName().Name -eq 'Microsoft.Data.Sqlite' }
        $connection = [Activator]::CreateInstance($sqlite.GetType('Microsoft.Data.Sqlite.SqliteConnection', $true), [object[]]@("Data Source=$Path;Pooling=False"))
        try {
            $connection.Open()
            $command = $connection.CreateCommand()
            $command.CommandText = $Sql
            $null = $command.ExecuteNonQuery()
            if ($WhileOpen) { & $WhileOpen }
        }
        finally { $connection.Dispose() }
    }

    # Damages the file the way a failing disk does: $Bytes random bytes (the same every run) into each of $Pages pages
    # from the middle of the file on, past the page header.
    function Set-DamagedPages([string] $Path, [int] $Pages = 40, [int] $Bytes = 64) {
        $file = [System.IO.File]::Open($Path, 'Open', 'ReadWrite')
        try {
            $header = [byte[]]::new(2)
            $file.Position = 16
            $null = $file.Read($header, 0, 2)
            $pageSize = $header[0] * 256 + $header[1]
            if ($pageSize -eq 1) { $pageSize = 65536 }
            $count = [long][Math]::Floor($file.Length / $pageSize)
            if ($count -lt $Pages + 2) { throw "The archive has only $count pages." }
            $random = [System.Random]::new(20240301)
            $noise = [byte[]]::new($Bytes)
            $first = [long][Math]::Floor($count / 2) - [Math]::Floor($Pages / 2)
            for ($page = $first; $page -lt $first + $Pages; $page++) {
                $random.NextBytes($noise)
                $file.Position = $page * $pageSize + 100
                $file.Write($noise, 0, $Bytes)
            }
        }
        finally { $file.Dispose() }
    }

    # Makes $Path a folder this process cannot create files in and returns $true, or returns $false where that is not
    # possible. Permission bits do not bind root, so as root the folder gets the immutable attribute (chattr +i), which
    # does; whether it worked is tried, not assumed. Undo with Unlock-Folder.
    function Lock-Folder([string] $Path) {
        if ($IsWindows) { return $false }
        $root = (id -u) -eq '0'
        if ($root) {
            if (-not (Get-Command chattr -ErrorAction Ignore)) { return $false }
            chattr +i $Path 2>$null
            if ($LASTEXITCODE -ne 0) { return $false }
        }
        else { chmod 555 $Path }
        $probe = Join-Path $Path 'probe'
        try { [System.IO.File]::WriteAllText($probe, 'x') }
        catch { return $true }
        Remove-Item -LiteralPath $probe
        Unlock-Folder $Path
        $false
    }

    function Unlock-Folder([string] $Path) {
        if ((id -u) -eq '0') { chattr -i $Path } else { chmod 755 $Path }
    }

    function New-TestArchive([string] $Path, [int] $Count = 30) {
        $db = (Get-CoreType 'ArchiveDatabase')::Open($Path, $null)
        try {
            $writer = $db.CreateWriter()
            $peerType = Get-CoreType 'Model.PeerType'
            $peer = Set-Init ((Get-CoreType 'Model.PeerRecord')::FromBare([Enum]::Parse($peerType, 'Channel'), 777)) @{ Username = 'pester_news'; Title = 'Pester News' }
            $writer.UpsertPeer($peer)
            $messageType = Get-CoreType 'Model.ArchivedMessage'
            $mediaType = Get-CoreType 'Model.ArchivedMedia'
            $list = [Activator]::CreateInstance([System.Collections.Generic.List`1].MakeGenericType($messageType))
            $record = $db.Media.StoreAsync([System.IO.MemoryStream]::new([byte[]](1..200)), 'photo.jpg', $null, [System.Threading.CancellationToken]::None).GetAwaiter().GetResult()
            $base = [DateTimeOffset]::new(2024, 1, 1, 0, 0, 0, [TimeSpan]::Zero)
            for ($i = 1; $i -le $Count; $i++) {
                $text = if ($i -eq 7) { 'Telegram archive: archive, archive and more archive' } elseif ($i % 5 -eq 0) { "Weekly archive digest $i" } else { "Ordinary note number $i" }
                $sender = if ($i % 2) { 'Alice' } else { 'Bob' }
                $message = Set-Init ([Activator]::CreateInstance($messageType, [object[]]@([long]$i, $base.AddDays($i)))) @{ Text = $text; SenderName = $sender; SenderId = [Nullable[long]](100 + $i % 2) }
                if ($i -eq 3) {
                    $media = Set-Init ([Activator]::CreateInstance($mediaType, [object[]]@('photo'))) @{ Stored = $record; OriginalName = '../../evil/photo.jpg' }
                    $array = [Array]::CreateInstance($mediaType, 1); $array[0] = $media
                    $message.GetType().GetProperty('Media').SetValue($message, $array)
                }
                $list.Add($message)
            }
            $syncType = Get-CoreType 'Model.SyncStateUpdate'
            $statusType = Get-CoreType 'Model.SyncStatus'
            $null = $writer.WriteBatch($peer.PeerId, $list, [Activator]::CreateInstance($syncType, [object[]]@([Enum]::Parse($statusType, 'Complete'))))
            $writer.Dispose()
            $record.RelativePath
        }
        finally { $db.Dispose() }
    }
}

Describe 'Test-SpectraDatabase' {
    BeforeEach {
        $script:dir = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory $dir | Out-Null
        $script:db = Join-Path $dir 'archive.db'
        $script:mediaFile = Join-Path $dir "media/$(New-TestArchive -Path $db)"
    }

    It 'passes every check on a healthy archive and does not modify it' {
        $before = (Get-FileHash -LiteralPath $db).Hash
        $results = Test-SpectraDatabase -Path $db -Deep
        $results | Should -Not -BeNullOrEmpty
        $results | ForEach-Object { $_ | Should -BeOfType Spectra.PowerShell.Models.SpectraDatabaseCheck }
        @($results | Where-Object Status -NE 'Pass') | Should -BeNullOrEmpty
        $results.Check | Should -Contain 'MediaHashes'
        Test-SpectraDatabase -Path $db -Quiet | Should -BeTrue
        (Get-FileHash -LiteralPath $db).Hash | Should -Be $before
        # SQLite may create the -shm lock index and an empty log for the read; nothing is ever written to the log.
        if (Test-Path -LiteralPath "$db-wal") { (Get-Item -LiteralPath "$db-wal").Length | Should -Be 0 }
    }

    It 'fails the media check when a file is deleted, and -Quiet says $false' {
        Remove-Item -LiteralPath $mediaFile
        (Test-SpectraDatabase -Path $db | Where-Object Check -EQ 'MediaFiles').Status | Should -Be 'Fail'
        Test-SpectraDatabase -Path $db -Quiet | Should -BeFalse
    }

    It 'fails the deep hash check when a file is altered' {
        [System.IO.File]::WriteAllBytes($mediaFile, [byte[]](200..1))
        (Test-SpectraDatabase -Path $db | Where-Object Check -EQ 'MediaHashes') | Should -BeNullOrEmpty
        (Test-SpectraDatabase -Path $db -Deep | Where-Object Check -EQ 'MediaHashes').Status | Should -Be 'Fail'
    }

    It 'reports a damaged search index: with -Deep once, by FullTextContent; without, by QuickCheck' {
        Invoke-RawSql $db 'UPDATE messages_fts_data SET block = zeroblob(length(block)) WHERE id = (SELECT max(id) FROM messages_fts_data)'

        $deep = Test-SpectraDatabase -Path $db -Deep
        ($deep | Where-Object Check -EQ 'FullTextContent').Status | Should -Be 'Fail'
        ($deep | Where-Object Check -EQ 'FullTextContent').Fix | Should -Match 'RebuildSearchIndex'
        ($deep | Where-Object Check -EQ 'IntegrityCheck').Status | Should -Be 'Pass'
        (Test-SpectraDatabase -Path $db | Where-Object Check -EQ 'QuickCheck').Status | Should -Be 'Fail'
    }

    It 'reports a file that is not a database as a Fail, not an exception' {
        $bogus = Join-Path $dir 'bogus.db'
        Set-Content -LiteralPath $bogus -Value 'hello'
        $result = Test-SpectraDatabase -Path $bogus -ErrorAction Stop
        $result.Check | Should -Be 'File'
        $result.Status | Should -Be 'Fail'
        $result.Fix | Should -Not -BeNullOrEmpty
        Test-SpectraDatabase -Path $bogus -Quiet | Should -BeFalse
    }

    It 'uses SPECTRA_DB_PATH when no path is given' {
        $env:SPECTRA_DB_PATH = $db
        try { Test-SpectraDatabase -Quiet | Should -BeTrue }
        finally { Remove-Item Env:SPECTRA_DB_PATH }
    }
}

Describe 'Query cmdlets' {
    BeforeAll {
        $script:qdir = Join-Path $TestDrive 'query'
        New-Item -ItemType Directory $qdir | Out-Null
        $script:qdb = Join-Path $qdir 'archive.db'
        $null = New-TestArchive -Path $qdb -Count 30
    }

    It 'Get-SpectraChannel summarizes the archive' {
        $channel = Get-SpectraChannel -Database $qdb
        $channel | Should -BeOfType Spectra.PowerShell.Models.SpectraChannel
        $channel.Title | Should -Be 'Pester News'
        $channel.MessageCount | Should -Be 30
        $channel.MediaCount | Should -Be 1
        $channel.MediaBytes | Should -Be 200
        $channel.FirstDate | Should -Be ([DateTimeOffset]::new(2024, 1, 2, 0, 0, 0, [TimeSpan]::Zero))
        (Get-SpectraChannel '@pester_news' -Database $qdb).PeerId | Should -Be $channel.PeerId
    }

    It 'shows a search hit''s message by its place and text, not its type name' {
        $hit = Search-SpectraMessage 'telegram' -Database $qdb -First 1
        "$($hit.Message)" | Should -Be "$($hit.ChannelId)/7: Telegram archive: archive, archive and more archive"
        ($hit | Format-List Message | Out-String) | Should -Not -Match 'Spectra\.PowerShell\.Models'
    }

    It 'takes the dates of its own objects (DateTimeOffset) for -After and -Before' {
        # PowerShell does not turn a DateTimeOffset into a DateTime by itself: -After $message.Date was refused.
        $all = @(Get-SpectraMessage -Database $qdb)
        $pivot = $all[10].Date
        @(Get-SpectraMessage -Database $qdb -After $pivot).Count | Should -Be @($all | Where-Object Date -GE $pivot).Count
        @(Get-SpectraMessage -Database $qdb -Before $pivot).Count | Should -Be 10
        @(Search-SpectraMessage 'note' -Database $qdb -After $pivot).Count | Should -Be @($all | Where-Object { $_.Date -ge $pivot -and $_.Text -like '*note*' }).Count
    }

    It 'reports an unknown channel as a non-terminating error with an id' {
        $out = Get-SpectraChannel 'nope', '@pester_news' -Database $qdb -ErrorVariable problems -ErrorAction SilentlyContinue
        @($out).Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'ChannelNotFound,*'
    }

    It 'Get-SpectraMessage filters and streams from a channel piped in' {
        $all = Get-SpectraChannel -Database $qdb | Get-SpectraMessage -Database $qdb
        $all.Count | Should -Be 30
        $all[0] | Should -BeOfType Spectra.PowerShell.Models.SpectraMessage
        (Get-SpectraMessage -Database $qdb -Sender 'ali*').Count | Should -Be 15
        (Get-SpectraMessage -Database $qdb -Id 4, 9).MessageId | Should -Be @(4, 9)
        (Get-SpectraMessage -Database $qdb -First 3).MessageId | Should -Be @(1, 2, 3)
        $dated = Get-SpectraMessage -Database $qdb -After ([datetime]::new(2024, 1, 10, 0, 0, 0, [DateTimeKind]::Utc)) -Before ([datetime]::new(2024, 1, 12, 0, 0, 0, [DateTimeKind]::Utc))
        $dated.MessageId | Should -Be @(9, 10)
        $withMedia = Get-SpectraMessage -Database $qdb -HasMedia
        $withMedia.MessageId | Should -Be 3
        $withMedia.Media[0].FileName | Should -Be 'photo.jpg'
        $withMedia.Media[0].Path | Should -Exist
        (Get-SpectraMessage -Database $qdb -HasMedia:$false).Count | Should -Be 29
    }

    It 'Search-SpectraMessage ranks the densest match first with a marked snippet' {
        $hits = Search-SpectraMessage -Query 'archive' -Database $qdb
        $hits[0] | Should -BeOfType Spectra.PowerShell.Models.SpectraSearchResult
        $hits[0].MessageId | Should -Be 7
        $hits[0].Rank | Should -Be 1
        $hits[0].Snippet | Should -BeLike '*`[archive`]*'
        $hits.Count | Should -Be 7
        (Search-SpectraMessage 'weekly NOT digest' -Database $qdb) | Should -BeNullOrEmpty
        (Search-SpectraMessage 'archive' -Channel '@pester_news' -First 2 -Database $qdb).Count | Should -Be 2
    }

    It 'reports bad FTS syntax as an InvalidSearchQuery error and goes on with the next query' {
        $out = '"unbalanced', 'digest' | Search-SpectraMessage -Database $qdb -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'InvalidSearchQuery,*'
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $problems[0].ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        @($out).Count | Should -Be 6
    }

    It 'stops with DatabaseNotFound for a missing archive and does not create it' {
        $missing = Join-Path $qdir 'missing.db'
        { Get-SpectraMessage -Database $missing -ErrorAction Stop } | Should -Throw -ErrorId 'DatabaseNotFound,*'
        $missing | Should -Not -Exist
    }
}

Describe 'A damaged archive' {
    BeforeAll {
        $script:ddir = Join-Path $TestDrive 'damaged'
        New-Item -ItemType Directory $ddir | Out-Null
        $script:ddb = Join-Path $ddir 'archive.db'
        $null = New-TestArchive -Path $ddb -Count 30
        # Enough rows for the damage to land in the middle of the messages, not in the schema.
        Invoke-RawSql $ddb @'
WITH RECURSIVE n(i) AS (SELECT 1000 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
INSERT INTO messages (peer_id, message_id, date, text, sender_name, archived_at)
SELECT (SELECT peer_id FROM peers LIMIT 1), i, 1704067200 + i * 60, 'Bulk note number ' || i, 'Alice', 1704067200 FROM n
'@
        Set-DamagedPages $ddb
    }

    It 'stops <Command> with DatabaseDamaged, the archive as target and a fix, not a raw SQLite exception' -ForEach @(
        @{ Command = 'Get-SpectraMessage'; Run = { Get-SpectraMessage -Database $ddb | Measure-Object } }
        @{ Command = 'Search-SpectraMessage'; Run = { Search-SpectraMessage 'note' -First 100000 -Database $ddb } }
        @{ Command = 'Export-SpectraArchive'; Run = { Export-SpectraArchive Json (Join-Path $ddir 'export') -Database $ddb } }
    ) {
        $failure = $null
        try { & $Run } catch { $failure = $_ }
        $failure | Should -Not -BeNullOrEmpty
        $failure.FullyQualifiedErrorId | Should -BeLike "DatabaseDamaged,*$($Command -replace '-')Command"
        $failure.CategoryInfo.Category | Should -Be 'InvalidData'
        $failure.TargetObject | Should -Be $ddb
        $failure.ErrorDetails.Message | Should -BeLike "$ddb*malformed*"
        $failure.ErrorDetails.RecommendedAction | Should -BeLike '*Test-SpectraDatabase -Deep*Backup-SpectraDatabase*'
    }
}

Describe 'Export-SpectraArchive only reads' {
    BeforeEach {
        $script:edir = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory $edir | Out-Null
        $script:edb = Join-Path $edir 'archive.db'
        $null = New-TestArchive -Path $edb -Count 30
    }

    It 'leaves the database and an uncheckpointed log as they were' {
        # A log as a writer that was killed leaves it: committed, not checkpointed, nobody holding the archive open.
        $hot = Join-Path $edir 'hot'
        New-Item -ItemType Directory $hot | Out-Null
        Invoke-RawSql $edb "UPDATE messages SET text = 'Changed in the log' WHERE message_id = 1" -WhileOpen {
            Copy-Item -LiteralPath $edb, "$edb-wal" -Destination $hot
        }
        $hotDb = Join-Path $hot 'archive.db'
        (Get-Item -LiteralPath "$hotDb-wal").Length | Should -BeGreaterThan 0
        $before = (Get-FileHash -LiteralPath $hotDb, "$hotDb-wal").Hash

        $out = Join-Path $edir 'export'
        (Export-SpectraArchive Json $out -Database $hotDb).Messages | Should -Be 30

        (Get-FileHash -LiteralPath $hotDb, "$hotDb-wal").Hash | Should -Be $before
        Get-Content -LiteralPath (Join-Path $out 'result.json') -Raw | Should -BeLike '*Changed in the log*'
    }

    It 'works, as the reader cmdlets do, in a folder that cannot be written' {
        if (-not (Lock-Folder $edir)) { Set-ItResult -Skipped -Because 'no way to make a folder read-only for this process here'; return }
        try {
            $before = (Get-ChildItem -LiteralPath $edir -Recurse -File).FullName | Sort-Object
            $out = Join-Path $TestDrive "export-$([guid]::NewGuid().ToString('N'))"
            (Export-SpectraArchive Json $out -Database $edb -ErrorAction Stop -WarningAction SilentlyContinue).Messages | Should -Be 30
            (Get-SpectraMessage -Database $edb -ErrorAction Stop -WarningAction SilentlyContinue).Count | Should -Be 30
            Test-SpectraDatabase -Path $edb -Quiet -WarningAction SilentlyContinue | Should -BeTrue
            (Get-ChildItem -LiteralPath $edir -Recurse -File).FullName | Sort-Object | Should -Be $before
        }
        finally { Unlock-Folder $edir }
    }

    It 'refuses an archive at an older schema with DatabaseNeedsUpgrade and does not upgrade it' {
        Invoke-RawSql $edb 'PRAGMA user_version = 1'
        $before = (Get-FileHash -LiteralPath $edb).Hash
        { Export-SpectraArchive Json (Join-Path $edir 'export') -Database $edb -ErrorAction Stop } |
            Should -Throw -ErrorId 'DatabaseNeedsUpgrade,*'
        (Get-FileHash -LiteralPath $edb).Hash | Should -Be $before
    }
}

Describe 'Pipelines carry their archive' {
    # Two archives in a folder with no spectra.db: a cmdlet that fell back to the default archive would fail or,
    # worse, read or check the wrong one.
    BeforeAll {
        $script:pdir = Join-Path $TestDrive 'pipelines'
        New-Item -ItemType Directory $pdir | Out-Null
        $script:pa = Join-Path $pdir 'a.db'
        $script:pb = Join-Path $pdir 'b.db'
        $null = New-TestArchive -Path $pa -Count 30
        $null = New-TestArchive -Path $pb -Count 12
        Push-Location $pdir
    }

    AfterAll { Pop-Location }

    It 'reads messages from the archive each piped channel came from' {
        $one = Get-SpectraChannel -Database $pa | Get-SpectraMessage
        $one.Count | Should -Be 30
        $both = @(Get-SpectraChannel -Database $pa) + @(Get-SpectraChannel -Database $pb) | Get-SpectraMessage
        ($both | Group-Object Database | Sort-Object Count | ForEach-Object Count) | Should -Be @(12, 30)
        (Get-SpectraMessage -Database $pb -Id 5 | Get-SpectraChannel).MessageCount | Should -Be 12
        'spectra.db' | Should -Not -Exist
    }

    It 'fetches the whole message of a search hit piped in' {
        $message = Search-SpectraMessage 'archive' -First 1 -Database $pb | Get-SpectraMessage
        $message.MessageId | Should -Be 7
        $message.Database | Should -Be $pb
    }

    It 'checks and optimizes each piped archive, not the first one again' {
        $bogus = Join-Path $pdir 'bogus.db'
        Set-Content -LiteralPath $bogus -Value 'hello'
        $checks = $pa, $bogus | Test-SpectraDatabase
        @($checks | Where-Object Path -EQ $pa | Where-Object Status -NE 'Pass') | Should -BeNullOrEmpty
        $onBogus = @($checks | Where-Object Path -EQ $bogus)
        $onBogus.Count | Should -Be 1
        $onBogus[0].Status | Should -Be 'Fail'
        (Get-Item $pa, $pb | Optimize-SpectraDatabase -Confirm:$false).Path | Should -Be @($pa, $pb)
    }

    It 'exports piped chats from their archive and refuses chats of a second archive' {
        $out = Join-Path $pdir 'export-b'
        (Get-SpectraChannel -Database $pb | Export-SpectraArchive Json $out).Messages | Should -Be 12
        $mixed = Join-Path $pdir 'export-mixed'
        $summary = @(Get-SpectraChannel -Database $pa) + @(Get-SpectraChannel -Database $pb) |
            Export-SpectraArchive Json $mixed -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'ExportMixedArchives,*'
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $summary.Messages | Should -Be 30
    }

    It 'checks, optimizes and backs up each archive once, however many piped objects name it' {
        # Import summaries, channels and messages come one per chat or message; each used to redo the whole archive
        # (and -Quiet wrote one Boolean per object).
        $fromA = @(Get-SpectraMessage -Database $pa | Select-Object -First 3)
        $fromB = @(Get-SpectraMessage -Database $pb | Select-Object -First 2)
        $answers = $fromA + $fromB | Test-SpectraDatabase -Quiet
        $answers | Should -Be @($true, $true)
        @($fromA | Optimize-SpectraDatabase -NoVacuum -Confirm:$false).Count | Should -Be 1
        $backups = Join-Path $pdir 'once/'
        $copies = $fromA | Backup-SpectraDatabase -Destination $backups -ErrorVariable problems -ErrorAction SilentlyContinue
        @($copies).Count | Should -Be 1
        $problems | Should -BeNullOrEmpty
    }

    It 'reads the chats export summaries name from the archive they were exported from' {
        $messages = Export-SpectraArchive Json (Join-Path $pdir 'export-summaries') -Database $pb | Get-SpectraMessage
        $messages.Count | Should -Be 12
        $messages.Database | Select-Object -Unique | Should -Be $pb
    }

    It 'exports nothing when the pipeline brings no chat, not every chat of the default archive' {
        $env:SPECTRA_DB_PATH = $pa
        try {
            $none = Join-Path $pdir 'export-none'
            Get-SpectraChannel -Database $pb | Where-Object Title -EQ 'no such chat' | Export-SpectraArchive Json $none | Should -BeNullOrEmpty
            @() | Export-SpectraArchive Json $none | Should -BeNullOrEmpty
            $none | Should -Not -Exist
        }
        finally {
            Remove-Item env:SPECTRA_DB_PATH
        }
    }
}

Describe 'Optimize-SpectraDatabase and Backup-SpectraDatabase' {
    BeforeEach {
        $script:mdir = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory $mdir | Out-Null
        $script:mdb = Join-Path $mdir 'archive.db'
        $null = New-TestArchive -Path $mdb -Count 50
    }

    It 'changes nothing under -WhatIf' {
        $before = (Get-FileHash -LiteralPath $mdb).Hash
        Optimize-SpectraDatabase -Database $mdb -WhatIf | Should -BeNullOrEmpty
        (Get-FileHash -LiteralPath $mdb).Hash | Should -Be $before
    }

    It 'optimizes, records the run and leaves a healthy archive' {
        $result = Optimize-SpectraDatabase -Database $mdb -RebuildSearchIndex -Confirm:$false
        $result | Should -BeOfType Spectra.PowerShell.Models.SpectraOptimizeResult
        $result.Steps | Should -Contain 'VACUUM'
        $result.WalAfter | Should -Be 0
        @(Test-SpectraDatabase -Path $mdb -Deep | Where-Object Status -NE 'Pass') | Should -BeNullOrEmpty
    }

    It 'backs up to a verified copy and refuses to overwrite without -Force' {
        $copy = Join-Path $mdir 'backup/copy.db'
        $result = Backup-SpectraDatabase -Database $mdb -Destination $copy
        $result.Messages | Should -Be 50
        $copy | Should -Exist
        (Get-SpectraChannel -Database $copy).MessageCount | Should -Be 50
        { Backup-SpectraDatabase -Database $mdb -Destination $copy -ErrorAction Stop } | Should -Throw -ErrorId 'BackupDestinationExists,*'
        Backup-SpectraDatabase -Database $mdb -Destination $copy -Force | Should -Not -BeNullOrEmpty
    }

    It 'checks the copy, not the source, when a backup result is piped to Test-SpectraDatabase' {
        $copy = Join-Path $mdir 'checked/copy.db'
        $checks = Backup-SpectraDatabase -Database $mdb -Destination $copy | Test-SpectraDatabase -Deep
        $checks.Path | Sort-Object -Unique | Should -Be $copy
        # The copy shares the source's media folder (media files are not copied), so its media checks pass too.
        @($checks | Where-Object Status -EQ 'Fail') | Should -BeNullOrEmpty
        ($checks | Where-Object Check -EQ 'MediaHashes').Status | Should -Be 'Pass'
    }
}

Describe 'Get-SpectraRun' {
    BeforeEach {
        $script:rdir = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory $rdir | Out-Null
        $script:rdb = Join-Path $rdir 'archive.db'
        $null = New-TestArchive -Path $rdb -Count 20
        # Two real runs recorded by this process: an optimize, then another.
        $null = Optimize-SpectraDatabase -Database $rdb -Confirm:$false
        $null = Optimize-SpectraDatabase -Database $rdb -NoVacuum -Confirm:$false
    }

    It 'lists the runs newest first, with how they ended and the process that ran them' {
        $runs = @(Get-SpectraRun -Database $rdb)
        $runs | Should -HaveCount 2
        $runs[0] | Should -BeOfType Spectra.PowerShell.Models.SpectraRun
        $runs.RunId | Should -Be @(2, 1)
        $runs.Kind | Should -Be @('Optimize', 'Optimize')
        $runs.Outcome | Should -Be @('Succeeded', 'Succeeded')
        $runs[0].Detail | Should -Not -BeLike '*VACUUM*'
        $runs[1].Detail | Should -BeLike '*VACUUM*'
        $runs[0].ProcessId | Should -Be $PID
        $runs[0].Host | Should -Be ([Environment]::MachineName)
        $runs[0].Duration | Should -BeOfType [TimeSpan]
        $runs[0].EndTime | Should -BeGreaterOrEqual $runs[0].StartTime
        $runs[0].Database | Should -Be $rdb
        (Get-SpectraRun -Database $rdb | Out-String -Width 120) | Should -Match 'RunId\s+Kind\s+Outcome'
    }

    It 'filters by id, kind, start time and count, and takes its runs from the pipeline' {
        (Get-SpectraRun -Database $rdb -First 1).RunId | Should -Be 2
        (Get-SpectraRun 1 -Database $rdb).RunId | Should -Be 1
        Get-SpectraRun -Database $rdb -Kind Import | Should -BeNullOrEmpty
        @(Get-SpectraRun -Database $rdb -Kind Optimize) | Should -HaveCount 2
        Get-SpectraRun -Database $rdb -After (Get-Date).AddHours(1) | Should -BeNullOrEmpty
        @(Get-SpectraRun -Database $rdb -Before (Get-Date).AddHours(1)) | Should -HaveCount 2
        # RunId and Database bind by property name: the run comes back from its own archive.
        Push-Location $TestDrive
        try { (Get-SpectraRun -Database $rdb -First 1 | Get-SpectraRun).RunId | Should -Be 2 }
        finally { Pop-Location }
    }

    It 'shows a run whose process is gone as Interrupted, and filters by outcome' {
        # As a killed process leaves it: 'running', on this machine, this process id but another start time.
        Invoke-RawSql $rdb "INSERT INTO runs (kind, started_at, detail, host, process_id, process_started_at) VALUES ('import', 1700000000, 'tdesktop-json /x/result.json', '$([Environment]::MachineName)', $PID, 1)"
        Invoke-RawSql $rdb "INSERT INTO runs (kind, started_at, detail, host, process_id, process_started_at) VALUES ('import', 1700000001, 'elsewhere', 'another-machine', 1, 1)"
        $interrupted = Get-SpectraRun -Database $rdb -Outcome Interrupted
        $interrupted.RunId | Should -Be 3
        $interrupted.EndTime | Should -BeNullOrEmpty
        $interrupted.Duration | Should -BeNullOrEmpty
        (Get-SpectraRun -Database $rdb -Outcome Running).RunId | Should -Be 4
        @(Get-SpectraRun -Database $rdb -Outcome Interrupted, Succeeded).RunId | Should -Be @(3, 2, 1)
    }

    It 'reads an archive a previous Spectra wrote (schema version 4) without upgrading it' {
        Invoke-RawSql $rdb 'PRAGMA user_version = 4'
        $before = (Get-FileHash -LiteralPath $rdb).Hash
        $runs = @(Get-SpectraRun -Database $rdb -ErrorAction Stop)
        $runs | Should -HaveCount 2
        $runs[0].Host | Should -BeNullOrEmpty
        (Get-SpectraChannel -Database $rdb -ErrorAction Stop).MessageCount | Should -Be 20
        (Get-FileHash -LiteralPath $rdb).Hash | Should -Be $before
    }

    It 'takes -Kind in any case, as its validation does' {
        @(Get-SpectraRun -Database $rdb -Kind optimize -ErrorAction Stop) | Should -HaveCount 2
        Get-SpectraRun -Database $rdb -Kind IMPORT -ErrorAction Stop | Should -BeNullOrEmpty
    }

    It 'lists each archive once however many piped objects name it' {
        # Messages carry only their archive: each of them must not list every run again.
        $messages = @(Get-SpectraMessage -Database $rdb)
        $messages.Count | Should -BeGreaterThan 1
        @($messages | Get-SpectraRun).RunId | Should -Be @(2, 1)
        @($messages | Get-SpectraRun -First 1).RunId | Should -Be @(2)
        # Runs piped back still name one run each.
        @(Get-SpectraRun -Database $rdb | Get-SpectraRun).RunId | Should -Be @(2, 1)
    }

    It 'takes a run''s StartTime for -After and -Before' {
        $newest = Get-SpectraRun -Database $rdb -First 1
        (Get-SpectraRun -Database $rdb -After $newest.StartTime).RunId | Should -Contain 2
        @(Get-SpectraRun -Database $rdb -Before $newest.StartTime.AddSeconds(1)) | Should -HaveCount 2
    }

    It 'reports a missing archive as DatabaseNotFound' {
        { Get-SpectraRun -Database (Join-Path $rdir 'absent.db') -ErrorAction Stop } | Should -Throw -ErrorId 'DatabaseNotFound,*'
    }
}
