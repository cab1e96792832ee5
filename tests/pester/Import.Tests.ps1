BeforeAll {
    Import-Module (Join-Path $env:SPECTRA_MODULE_PATH 'Spectra.psd1') -Force
    $script:repo = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:sample = Join-Path $script:repo 'examples/sample-export'

    function New-TestDir {
        $dir = Join-Path ([System.IO.Path]::GetTempPath()) ("spectra-pester-" + [guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory -Path $dir | Out-Null
        $dir
    }

    # A single-chat export with $Count plain messages, written without the module.
    function New-LargeExport([string] $Folder, [int] $Count) {
        New-Item -ItemType Directory -Force -Path $Folder | Out-Null
        $sb = [System.Text.StringBuilder]::new()
        [void]$sb.Append("{`"name`": `"Big`", `"type`": `"public_channel`", `"id`": 9090, `"messages`": [`n")
        for ($i = 1; $i -le $Count; $i++) {
            $sep = if ($i -lt $Count) { ',' } else { '' }
            [void]$sb.Append("{`"id`": $i, `"type`": `"message`", `"date_unixtime`": `"$(1700000000 + $i)`", `"from`": `"U`", `"from_id`": `"user$($i % 7)`", `"text`": `"message $i`"}$sep`n")
        }
        [void]$sb.Append("]}`n")
        [System.IO.File]::WriteAllText((Join-Path $Folder 'result.json'), $sb.ToString())
    }
}

Describe 'Import-SpectraExport' {
    BeforeEach {
        $script:dir = New-TestDir
        $script:db = Join-Path $script:dir 'archive.db'
    }
    AfterEach {
        Remove-Item -Recurse -Force $script:dir -ErrorAction SilentlyContinue
    }

    It 'imports the sample: one summary per chat, hostile paths as error records with ids and targets' {
        $result = Import-SpectraExport -Path $script:sample -Database $script:db -ErrorVariable problems -ErrorAction SilentlyContinue
        $result | Should -HaveCount 4
        $result[0].GetType().FullName | Should -Be 'Spectra.PowerShell.Models.ImportSummary'
        ($result | Measure-Object Imported -Sum).Sum | Should -Be 54
        $result[0].Chat | Should -Be 'Spectra Sample Channel'
        $result[0].MediaMissing | Should -Be 5
        $problems | Should -HaveCount 2
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'ExportMediaPathRefused,*'
        $problems[0].CategoryInfo.Category | Should -Be 'SecurityError'
        $problems[0].TargetObject | Should -Be 'Spectra Sample Channel#27'
        $problems[0].ErrorDetails.Message | Should -Match 'result\.json:\d+, field chats\.list\[0\]\.messages\[26\]\.file'
        $problems[0].ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
    }

    It 'is idempotent: a second import skips everything' {
        Import-SpectraExport -Path $script:sample -Database $script:db -ErrorAction SilentlyContinue | Out-Null
        $again = Import-SpectraExport -Path $script:sample -Database $script:db -ErrorAction SilentlyContinue
        ($again | Measure-Object Imported -Sum).Sum | Should -Be 0
        ($again | Measure-Object Skipped -Sum).Sum | Should -Be 54
    }

    It 'writes nothing with -WhatIf' {
        $out = Import-SpectraExport -Path $script:sample -Database $script:db -WhatIf
        $out | Should -BeNullOrEmpty
        $script:db | Should -Not -Exist
        Join-Path $script:dir 'media' | Should -Not -Exist
    }

    It 'takes folders and files from the pipeline (FullName / PSPath)' {
        $byFolder = Get-Item $script:sample | Import-SpectraExport -Database $script:db -ErrorAction SilentlyContinue
        $byFolder | Should -HaveCount 4
        $byFile = Get-ChildItem -Path $script:sample -Filter result.json | Import-SpectraExport -Database $script:db -ErrorAction SilentlyContinue
        ($byFile | Measure-Object Skipped -Sum).Sum | Should -Be 54
        $byString = (Join-Path $script:sample 'result.json') | Import-SpectraExport -Database $script:db -ErrorAction SilentlyContinue
        $byString | Should -HaveCount 4
    }

    It 'imports a piped folder or file as itself, even when its name looks like a wildcard' {
        # Get-Item output must bind literally (-LiteralPath): as a -Path pattern, 'chat[1]' would import 'chat1'.
        $odd = Join-Path $script:dir 'chat[1]'
        New-LargeExport -Folder $odd -Count 3
        New-LargeExport -Folder (Join-Path $script:dir 'chat1') -Count 5
        $byFolder = Get-Item -LiteralPath $odd | Import-SpectraExport -Database $script:db
        $byFolder.Imported | Should -Be 3
        $byFolder.ExportPath | Should -Be $odd
        $byFile = Get-ChildItem -LiteralPath $odd -Filter result.json | Import-SpectraExport -Database $script:db
        $byFile.Skipped | Should -Be 3
        $byFile.ExportPath | Should -Be (Join-Path $odd 'result.json')
    }

    It 'reports a missing export as a non-terminating ExportNotFound and goes on' {
        $out = Import-SpectraExport -Path (Join-Path $script:dir 'nope'), $script:sample -Database $script:db -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'ExportNotFound,*'
        $out | Should -HaveCount 4
    }

    It 'reports a cut-off export as ExportTruncated and keeps what came before the cut' {
        $folder = Join-Path $script:dir 'cut'
        New-LargeExport -Folder $folder -Count 50
        $json = Get-Content -Raw (Join-Path $folder 'result.json')
        Set-Content -Path (Join-Path $folder 'result.json') -Value $json.Substring(0, [int]($json.Length * 0.6)) -NoNewline
        Import-SpectraExport -Path $folder -Database $script:db -BatchSize 5 -ErrorVariable problems -ErrorAction SilentlyContinue | Out-Null
        $problems | Where-Object FullyQualifiedErrorId -Like 'ExportTruncated,*' | Should -HaveCount 1
        $exported = Export-SpectraArchive -Format Json -Destination (Join-Path $script:dir 'out') -Database $script:db
        $exported.Messages | Should -BeGreaterThan 20
        $exported.Messages | Should -BeLessThan 50
    }

    It 'warns with the failed count the summaries give, a refused chat included' {
        $folder = Join-Path $script:dir 'refused'
        New-Item -ItemType Directory $folder | Out-Null
        Set-Content -LiteralPath (Join-Path $folder 'result.json') -Value @'
{"chats": {"list": [
  {"name": "No id", "type": "private_group", "id": 18446744073709551615, "messages": [
    {"id": 1, "type": "message", "date_unixtime": "1700000000", "text": "a"},
    {"id": 2, "type": "message", "date_unixtime": "1700000001", "text": "b"},
    {"id": 3, "type": "message", "date_unixtime": "1700000002", "text": "c"}]},
  {"name": "Fine", "type": "private_group", "id": 42, "messages": [
    {"id": 1, "type": "message", "date_unixtime": "1700000000", "text": "a"},
    {"id": 2, "type": "message", "text": "no date"}]}
]}}
'@
        $out = Import-SpectraExport -Path $folder -Database $script:db -WarningVariable warnings -ErrorVariable problems -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        ($out | Measure-Object Failed -Sum).Sum | Should -Be 4
        $problems.FullyQualifiedErrorId | Should -BeLike 'Export*'
        $problems | Should -HaveCount 2
        $warnings | Should -HaveCount 1
        $warnings[0].Message | Should -BeLike '4 message(s) could not be imported*'
    }

    It 'a process killed mid-import and re-run ends with exactly the messages of an uninterrupted import' {
        $folder = Join-Path $script:dir 'big'
        New-LargeExport -Folder $folder -Count 60000
        $reference = Join-Path $script:dir 'reference.db'
        Import-SpectraExport -Path $folder -Database $reference -BatchSize 500 | Out-Null

        $killed = Join-Path $script:dir 'killed.db'
        # This pwsh may be hosted by dotnet (dotnet tool): start the child the same way.
        $exe = [Environment]::ProcessPath
        $prefix = if ((Split-Path $exe -Leaf) -like 'dotnet*') { @('exec', (Join-Path $PSHOME 'pwsh.dll')) } else { @() }
        $script = "Import-Module '$(Join-Path $env:SPECTRA_MODULE_PATH 'Spectra.psd1')'; Import-SpectraExport -Path '$folder' -Database '$killed' -BatchSize 500 | Out-Null"
        $child = Start-Process -FilePath $exe -ArgumentList ($prefix + @('-NoProfile', '-NonInteractive', '-Command', "`"$script`"")) -PassThru
        $deadline = (Get-Date).AddSeconds(60)
        # Kill only once at least one batch is committed (a large WAL alone can be an uncommitted first batch).
        # While the child is still creating the schema the archive may not open yet: that counts as "not yet".
        $committed = {
            try { (Get-SpectraChannel -Database $killed -ErrorAction Stop | Measure-Object -Property MessageCount -Sum).Sum -gt 0 }
            catch { $false }
        }
        while (-not $child.HasExited -and -not ((Test-Path "$killed-wal") -and (& $committed)) -and (Get-Date) -lt $deadline) {
            Start-Sleep -Milliseconds 50
        }
        $wasRunning = -not $child.HasExited
        if ($wasRunning) { Stop-Process -Id $child.Id -Force }
        $child.WaitForExit()
        $wasRunning | Should -BeTrue -Because 'the import must be killed while it is still running'

        # The killed run never recorded its end: the check says it was interrupted, and the re-run closes it.
        $runs = Test-SpectraDatabase -Path $killed | Where-Object Check -eq 'Runs'
        $runs.Status | Should -Be 'Warn'
        $runs.Message | Should -BeLike "Interrupted (*): run 1 (import: tdesktop-json *result.json, started *"
        $rerun = Import-SpectraExport -Path $folder -Database $killed -BatchSize 500 -WarningVariable rerunWarnings -WarningAction SilentlyContinue
        $rerunWarnings.Message | Should -BeLike 'An earlier run 1 (import: *) never finished*recorded as failed*'
        (Test-SpectraDatabase -Path $killed | Where-Object Check -eq 'Runs').Status | Should -Be 'Pass'
        # Both large imports, the whole one and the killed-and-resumed one, pass every check (-Deep); only the
        # planner statistics are due, as on any archive this size that was never optimized.
        foreach ($archive in $reference, $killed) {
            $notPass = @(Test-SpectraDatabase -Path $archive -Deep | Where-Object Status -NE 'Pass')
            $notPass.Check | Should -Be @('Statistics') -Because ($notPass | Out-String)
        }
        $rerun.Skipped | Should -BeGreaterThan 0
        ($rerun.Imported + $rerun.Skipped) | Should -Be 60000

        $a = Join-Path $script:dir 'a'; $b = Join-Path $script:dir 'b'
        Export-SpectraArchive -Format Json -Destination $a -Database $reference | Out-Null
        Export-SpectraArchive -Format Json -Destination $b -Database $killed | Out-Null
        (Get-FileHash (Join-Path $b 'result.json')).Hash | Should -Be (Get-FileHash (Join-Path $a 'result.json')).Hash
    }
}

Describe 'Export-SpectraArchive' {
    BeforeAll {
        $script:edir = New-TestDir
        $script:edb = Join-Path $script:edir 'archive.db'
        Import-SpectraExport -Path $script:sample -Database $script:edb -ErrorAction SilentlyContinue | Out-Null
    }
    AfterAll {
        Remove-Item -Recurse -Force $script:edir -ErrorAction SilentlyContinue
    }

    It 'round-trips: import sample -> export JSON -> import into a fresh archive -> same messages' {
        $out = Join-Path $script:edir 'json'
        $exported = Export-SpectraArchive -Format Json -Destination $out -Database $script:edb
        $exported | Should -HaveCount 4
        $exported[0].GetType().FullName | Should -Be 'Spectra.PowerShell.Models.ArchiveExportSummary'
        $fresh = Join-Path $script:edir 'fresh.db'
        # The sample's two hostile paths are exported verbatim (raw messages round-trip) and refused again on import.
        $again = Import-SpectraExport -Path $out -Database $fresh -ErrorVariable refused -ErrorAction SilentlyContinue
        ($again | Measure-Object Imported -Sum).Sum | Should -Be 54
        $refused.FullyQualifiedErrorId | ForEach-Object { $_.Split(',')[0] } | Should -Be @('ExportMediaPathRefused', 'ExportMediaPathRefused')
        $out2 = Join-Path $script:edir 'json2'
        Export-SpectraArchive -Format Json -Destination $out2 -Database $fresh -ErrorAction SilentlyContinue | Out-Null
        (Get-FileHash (Join-Path $out2 'result.json')).Hash | Should -Be (Get-FileHash (Join-Path $out 'result.json')).Hash
    }

    It 'writes each chat summary only once the result.json it names is complete' {
        # Summaries used to leave while result.json was still being written (and held open), so a command reading
        # the file per summary met a locked, half-written file.
        $out = Join-Path $script:edir 'complete'
        $chats = Export-SpectraArchive Json $out -Database $script:edb | ForEach-Object {
            (Get-Content -LiteralPath $_.Path -Raw -ErrorAction Stop | ConvertFrom-Json).chats.list.Count
        }
        $chats | Should -Be @(4, 4, 4, 4)
    }

    It 'imports an export once however many of its chat summaries are piped in' {
        # Each summary's Path is the one result.json of the export; importing it again per chat did the work N times
        # and wrote N x N summaries.
        $out = Join-Path $script:edir 'piped'
        $copy = Join-Path $script:edir 'piped.db'
        $summaries = Export-SpectraArchive Json $out -Database $script:edb | Import-SpectraExport -Database $copy -ErrorAction SilentlyContinue
        $summaries | Should -HaveCount 4
        ($summaries | Measure-Object Imported -Sum).Sum | Should -Be 54
        $again = Import-SpectraExport $out, (Join-Path $out 'result.json') -Database $copy -ErrorAction SilentlyContinue
        $again | Should -HaveCount 4
    }

    It 'imports piped export summaries whose folder name looks like a wildcard' {
        # Their Path (the result.json) binds -Path; as a pattern, 'out[1]/result.json' matched nothing, silently.
        $out = Join-Path $script:edir 'out[1]'
        $copy = Join-Path $script:edir 'brackets.db'
        $summary = Export-SpectraArchive Json $out -Database $script:edb -Channel 'Old Group' | Import-SpectraExport -Database $copy
        $summary.Imported | Should -Be 3
        $summary.ExportPath | Should -Be (Join-Path $out 'result.json')
    }

    It 'writes a paginated HTML site with escaped text' {
        $site = Join-Path $script:edir 'site'
        $pages = Export-SpectraArchive -Format Html -Destination $site -Database $script:edb -PageSize 10 -Channel 'Spectra Sample Channel'
        $pages.Messages | Should -Be 34
        Join-Path $site 'index.html' | Should -Exist
        @(Get-ChildItem (Split-Path $pages.Path) -Filter 'page-*.html').Count | Should -Be 4
        Get-Content -Raw (Join-Path $site 'index.html') | Should -Match 'chats/channel1234567890/page-0001\.html'
        Get-ChildItem (Split-Path $pages.Path) -Filter 'page-*.html' | Get-Content -Raw | Should -Not -Match '<script>'
    }

    It 'takes channels from the pipeline and refuses unknown ones with ChannelNotFound' {
        $one = 'Sample Group' | Export-SpectraArchive -Format Json -Destination (Join-Path $script:edir 'one') -Database $script:edb
        $one.Chat | Should -Be 'Sample Group'
        { Export-SpectraArchive -Format Json -Destination (Join-Path $script:edir 'x') -Database $script:edb -Channel 'nope' -ErrorAction Stop } |
            Should -Throw -ErrorId 'ChannelNotFound,*'
    }

    It 'reports an unknown name among known ones on its own and exports the known chats' {
        $dest = Join-Path $script:edir 'some'
        $out = Export-SpectraArchive Json $dest -Database $script:edb -Channel nosuch, 'Old Group' -ErrorVariable problems -ErrorAction SilentlyContinue
        $out.Chat | Should -Be 'Old Group'
        Join-Path $dest 'result.json' | Should -Exist
        $problems | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'ChannelNotFound,*'
        $problems[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $problems[0].TargetObject | Should -Be 'nosuch'
        $problems[0].ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
    }

    It 'stops with ChannelNotFound and writes nothing when no name matches' {
        $dest = Join-Path $script:edir 'none'
        $thrown = { Export-SpectraArchive Json $dest -Database $script:edb -Channel nosuch, 'nor this' } |
            Should -Throw -ErrorId 'ChannelNotFound,*' -PassThru
        $thrown.TargetObject | Should -Be 'nosuch,nor this'
        $dest | Should -Not -Exist
    }

    It 'reports <Problem> as ExportDestinationUnwritable with the path and a fix' -TestCases @(
        @{ Problem = 'a file where a folder is needed'; Format = 'Json'; Leaf = 'blocker/sub' }
        @{ Problem = 'a name too long'; Format = 'Html'; Leaf = 'x' * 300 }
        if ($IsLinux) { @{ Problem = 'a location nobody can write to (procfs)'; Format = 'Json'; Leaf = $null } }
    ) {
        Set-Content -LiteralPath (Join-Path $script:edir 'blocker') -Value 'x'
        $dest = if ($Leaf) { Join-Path $script:edir $Leaf } else { '/proc/spectra-export-test' }
        $thrown = { Export-SpectraArchive $Format $dest -Database $script:edb } | Should -Throw -ErrorId 'ExportDestinationUnwritable,*' -PassThru
        $thrown.CategoryInfo.Category | Should -Be 'WriteError'
        $thrown.TargetObject | Should -Be $dest
        $thrown.ErrorDetails.Message | Should -BeLike "$dest*"
        $thrown.ErrorDetails.RecommendedAction | Should -BeLike '*-Destination*'
    }

    It 'writes nothing with -WhatIf and fails clearly on a missing database' {
        Export-SpectraArchive -Format Html -Destination (Join-Path $script:edir 'whatif') -Database $script:edb -WhatIf
        Join-Path $script:edir 'whatif' | Should -Not -Exist
        { Export-SpectraArchive -Format Json -Destination (Join-Path $script:edir 'y') -Database (Join-Path $script:edir 'missing.db') -ErrorAction Stop } |
            Should -Throw -ErrorId 'DatabaseNotFound,*'
        Join-Path $script:edir 'missing.db' | Should -Not -Exist
    }
}

Describe 'Import-SpectraExport when the archive cannot be written' {
    BeforeAll {
        # This pwsh may be hosted by dotnet (dotnet tool): children are started the same way.
        $script:pwshExe = [Environment]::ProcessPath
        $script:pwshPrefix = if ((Split-Path $script:pwshExe -Leaf) -like 'dotnet*') { @('exec', (Join-Path $PSHOME 'pwsh.dll')) } else { @() }
        $script:moduleManifest = Join-Path $env:SPECTRA_MODULE_PATH 'Spectra.psd1'
    }

    BeforeEach {
        $script:dir = New-TestDir
        $script:db = Join-Path $script:dir 'archive.db'
    }

    AfterEach {
        Remove-Item -Recurse -Force $script:dir -ErrorAction SilentlyContinue
    }

    It 'names a -Database folder that cannot be created (a file in the path) instead of throwing a .NET error' {
        $file = Join-Path $script:dir 'sample.db'
        Set-Content -LiteralPath $file -Value 'a file'
        $err = { Import-SpectraExport -Path $script:sample -Database (Join-Path $file 'sub/x.db') -ErrorAction Stop } |
            Should -Throw -ErrorId 'DatabaseFolderUnavailable,*' -PassThru
        $err.CategoryInfo.Category | Should -Be 'WriteError'
        $err.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
    }

    It 'reports a read-only archive file as DatabaseReadOnly, and imports once it is writable again' -Skip:(-not $IsLinux -or -not (Get-Command setpriv -ErrorAction Ignore)) {
        Import-SpectraExport -Path $script:sample -Database $script:db -ErrorAction SilentlyContinue | Out-Null
        $before = (Get-SpectraChannel -Database $script:db | Measure-Object MessageCount -Sum).Sum
        # A second copy of the sample under another chat id, so the re-run has something new to write.
        $other = Join-Path $script:dir 'other'
        New-LargeExport -Folder $other -Count 20
        chmod 444 $script:db
        # Tests run as root, whom file modes do not stop: the child runs without the capabilities that override them.
        $script = "Import-Module '$script:moduleManifest'; Import-SpectraExport -Path '$other' -Database '$script:db' -ErrorVariable e -ErrorAction SilentlyContinue | Out-Null; `$e | ForEach-Object { `$_.FullyQualifiedErrorId; [string]`$_.CategoryInfo.Category; `$_.ErrorDetails.Message }"
        $out = & setpriv --bounding-set=-dac_override,-dac_read_search,-fowner $script:pwshExe @script:pwshPrefix -NoProfile -NonInteractive -Command $script 2>&1
        $out[0] | Should -BeLike 'DatabaseReadOnly,*'
        $out[1] | Should -Be 'PermissionDenied'
        $out[2] | Should -BeLike '*readonly database*'
        (Get-SpectraChannel -Database $script:db | Measure-Object MessageCount -Sum).Sum | Should -Be $before

        chmod 644 $script:db
        (Import-SpectraExport -Path $other -Database $script:db).Imported | Should -Be 20
    }

    It 'stops promptly (Ctrl+C) while another program holds the archive locked, and a re-run completes' -Skip:(-not (Get-Command sqlite3 -ErrorAction Ignore)) {
        Import-SpectraExport -Path $script:sample -Database $script:db -ErrorAction SilentlyContinue | Out-Null
        $folder = Join-Path $script:dir 'big'
        New-LargeExport -Folder $folder -Count 100
        $locker = Start-Process sqlite3 -ArgumentList @("`"$script:db`"", '"BEGIN EXCLUSIVE; SELECT 1;"', '".system sleep 60"', '"COMMIT;"') -PassThru -RedirectStandardOutput (Join-Path $script:dir 'locker.out')
        $ps = [powershell]::Create()
        try {
            Start-Sleep -Milliseconds 500
            $null = $ps.AddScript("Import-Module '$script:moduleManifest'; Import-SpectraExport -Path '$folder' -Database '$script:db'")
            $async = $ps.BeginInvoke()
            # Waiting for the lock (30 s before it would give up).
            Start-Sleep -Seconds 3
            $async.IsCompleted | Should -BeFalse
            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            # It used to take the rest of the 30 s wait (27 s).
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 10
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally {
            $ps.Dispose()
            Stop-Process -Id $locker.Id -ErrorAction Ignore
            # With a timeout: the parameterless wait would also wait for the orphaned `sleep` to close the output.
            $null = $locker.WaitForExit(10000)
        }

        (Import-SpectraExport -Path $folder -Database $script:db).Imported | Should -Be 100
    }
}
