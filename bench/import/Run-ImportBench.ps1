<#
.SYNOPSIS
    Import benchmark: Spectra's Telegram Desktop importer vs a naive Python importer, side by side, same exports.
.DESCRIPTION
    Generates single-chat exports of each size (bench/import/data/, not in git; reused when present), then imports
    each one with
      - Spectra: the engine's TdesktopImporter (what Import-SpectraExport runs) via bench/import/ImportBench, into a
        fresh archive with the full schema, FTS5 index, media/entity/raw columns, batched transactions;
      - the baseline: bench/import/naive_import.py (json.load + sqlite3 executemany into one table).
    Each run is measured by /usr/bin/time -v: wall time, CPU time (user + system) and peak resident memory.
    Prints a table, the speed ratio (baseline time / Spectra time) and the memory growth from the smallest to the
    largest export. On the largest archive it also measures the floor (the same rows and search index written by
    SQL alone: the least any importer could take) and runs Test-SpectraDatabase -Deep against sqlite3's
    integrity_check on it (bench/store integrity-archive; -SkipIntegrity leaves that out). The machine is shared, so CPU seconds are printed beside wall seconds.
.EXAMPLE
    dotnet pwsh -NoProfile -Command "./bench/import/Run-ImportBench.ps1 -Sizes 100000, 1000000"
#>
[CmdletBinding()]
param(
    [int[]] $Sizes = @(100000, 1000000),
    [string] $DataDirectory = (Join-Path $PSScriptRoot 'data'),
    [switch] $SkipBaseline,
    [switch] $SkipIntegrity
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$repo = Resolve-Path (Join-Path $PSScriptRoot '../..')
$python = (Get-Command python3 -ErrorAction Stop).Source
if (-not (Test-Path /usr/bin/time)) { throw '/usr/bin/time (GNU time) is needed to measure peak memory.' }

Write-Host 'Building the benchmark driver (Release)...'
dotnet build -c Release (Join-Path $PSScriptRoot 'ImportBench') -v q -nologo | Out-Null
if ($LASTEXITCODE -ne 0) { throw 'Build of ImportBench failed.' }
$driver = Join-Path $PSScriptRoot 'ImportBench/bin/Release/net10.0/ImportBench'

function Measure-Run([string[]] $Command) {
    $log = New-TemporaryFile
    try {
        & /usr/bin/time -v -o $log.FullName @Command | Out-Host
        if ($LASTEXITCODE -ne 0) { throw "Failed: $($Command -join ' ')" }
        $text = Get-Content -Raw $log.FullName
        $wall = [regex]::Match($text, 'Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (.+)').Groups[1].Value.Trim()
        $parts = $wall.Split(':')
        $seconds = 0.0
        foreach ($p in $parts) { $seconds = $seconds * 60 + [double]::Parse($p, [cultureinfo]::InvariantCulture) }
        $user = [double]::Parse([regex]::Match($text, 'User time \(seconds\): ([\d.]+)').Groups[1].Value, [cultureinfo]::InvariantCulture)
        $sys = [double]::Parse([regex]::Match($text, 'System time \(seconds\): ([\d.]+)').Groups[1].Value, [cultureinfo]::InvariantCulture)
        $rssKb = [long][regex]::Match($text, 'Maximum resident set size \(kbytes\): (\d+)').Groups[1].Value
        [pscustomobject]@{ Seconds = $seconds; Cpu = $user + $sys; PeakMB = [math]::Round($rssKb / 1024.0) }
    }
    finally { Remove-Item $log.FullName -ErrorAction SilentlyContinue }
}

$rows = foreach ($size in $Sizes) {
    $export = Join-Path $DataDirectory "export-$size"
    if (-not (Test-Path (Join-Path $export 'result.json'))) {
        & $python (Join-Path $PSScriptRoot 'generate_export.py') $size $export | Out-Host
    }
    $mb = [math]::Round((Get-Item (Join-Path $export 'result.json')).Length / 1MB)
    $work = Join-Path $DataDirectory "run-$size"
    if (Test-Path $work) { Remove-Item -Recurse -Force $work }
    New-Item -ItemType Directory -Path $work | Out-Null

    Write-Host "`n== $size messages ($mb MB): Spectra"
    $ours = Measure-Run @($driver, 'import', $export, (Join-Path $work 'spectra.db'))
    $theirs = $null
    if (-not $SkipBaseline) {
        Write-Host "== $size messages: naive Python importer"
        $theirs = Measure-Run @($python, (Join-Path $PSScriptRoot 'naive_import.py'), (Join-Path $export 'result.json'), (Join-Path $work 'naive.db'))
    }
    $floor = $null
    if ($size -eq ($Sizes | Measure-Object -Maximum).Maximum) {
        # On the largest archive: the least any importer could take to store the same rows and index them (no
        # parsing, one SQL statement each), and Test-SpectraDatabase -Deep vs sqlite3's integrity_check.
        Write-Host "== $size messages: floor (rows + search index in SQL alone, same SQLite)"
        $floorOut = & $driver floor (Join-Path $work 'spectra.db') (Join-Path $work 'floor.db')
        if ($LASTEXITCODE -ne 0) { throw 'The floor measurement failed.' }
        $floorOut | Out-Host
        $floor = [double][regex]::Match(($floorOut -join "`n"), '= ([\d.]+) s').Groups[1].Value
        if (-not $SkipIntegrity) {
            Write-Host "== $size messages: Test-SpectraDatabase -Deep vs sqlite3 PRAGMA integrity_check, same archive"
            dotnet build -c Release (Join-Path $repo 'bench/store') -v q -nologo | Out-Null
            if ($LASTEXITCODE -ne 0) { throw 'Build of bench/store failed.' }
            dotnet (Join-Path $repo 'bench/store/bin/Release/net10.0/Spectra.Bench.Store.dll') integrity-archive (Join-Path $work 'spectra.db') | Out-Host
        }
    }
    Remove-Item -Recurse -Force $work

    [pscustomobject]@{
        Messages       = $size
        ExportMB       = $mb
        SpectraSeconds = $ours.Seconds
        SpectraCpu     = $ours.Cpu
        SpectraPeakMB  = $ours.PeakMB
        NaiveSeconds   = if ($theirs) { $theirs.Seconds } else { $null }
        NaiveCpu       = if ($theirs) { $theirs.Cpu } else { $null }
        NaivePeakMB    = if ($theirs) { $theirs.PeakMB } else { $null }
        SpeedRatio     = if ($theirs) { [math]::Round($theirs.Seconds / $ours.Seconds, 2) } else { $null }
        CpuRatio       = if ($theirs) { [math]::Round($theirs.Cpu / $ours.Cpu, 2) } else { $null }
        FloorSeconds   = $floor
        CeilingRatio   = if ($theirs -and $floor) { [math]::Round($theirs.Seconds / $floor, 2) } else { $null }
    }
}

Write-Host "`n== Import benchmark (speed ratio = naive time / Spectra time; goal >= 5x, Spectra peak <= 200 MB and flat)"
Write-Host "   (CeilingRatio = naive time / floor: the most any importer storing the same rows and search index could reach)"
$rows | Format-Table -AutoSize -Property Messages, ExportMB, SpectraSeconds, SpectraCpu, SpectraPeakMB, NaiveSeconds, NaiveCpu, NaivePeakMB, SpeedRatio, CpuRatio, FloorSeconds, CeilingRatio |
    Out-String -Width 250 | Write-Host
if ($rows.Count -ge 2) {
    $first = $rows[0]; $last = $rows[-1]
    Write-Host ("Spectra peak memory {0} MB at {1:N0} messages -> {2} MB at {3:N0} messages ({4}x the messages)." -f
        $first.SpectraPeakMB, $first.Messages, $last.SpectraPeakMB, $last.Messages, [math]::Round($last.Messages / $first.Messages))
}
