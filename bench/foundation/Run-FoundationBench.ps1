#Requires -Version 7.4
<#
.SYNOPSIS
    Foundation benchmarks: module import time, secure deletion vs GNU shred, logging with vs without redaction.
.DESCRIPTION
    Each measurement runs ours and its baseline side by side in this one run and prints both figures and the ratio:
      1. Import-Module Spectra in a fresh pwsh vs a fresh pwsh that imports nothing (median of -ImportRuns each,
         interleaved). Goal: ratio <= 1.5.
      2. Remove-SpectraSecureFile (0x00, 0xFF, random; each pass fsynced; random pass read back; truncate, rename,
         unlink) vs GNU 'shred -n 3 -u' (three random passes, each synced; then truncate, rename, unlink) on 1 MB and
         100 MB files of random data (median of -DeleteRuns). Goal: throughput ratio >= 0.9.
      3. bench/foundation/LoggingBench: events/s through Spectra's redacting pipeline vs the same Serilog sink without
         redaction. Goal: ratio >= 0.67.
    Build the module first (dotnet pwsh ./build.ps1 -Task Build); the script uses out/Spectra.
.EXAMPLE
    dotnet pwsh bench/foundation/Run-FoundationBench.ps1
#>
[CmdletBinding()]
param(
    [int] $ImportRuns = 7,
    [int] $DeleteRuns = 3,
    [int] $LogEvents = 200000,
    [string] $WorkDirectory = (Join-Path ([IO.Path]::GetTempPath()) "spectra-bench-$PID")
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$module = Join-Path $root 'out/Spectra/Spectra.psd1'
if (-not (Test-Path $module)) { throw "Build the module first: dotnet pwsh ./build.ps1 -Task Build ($module not found)." }
# Child shells run exactly like this one: 'dotnet pwsh' (the repo's pinned tool) is dotnet + pwsh.dll, started
# directly so that neither side pays for the tool-manifest lookup.
$pwshExe = [Environment]::ProcessPath
[string[]] $pwshPrefix = @()
$entry = [Environment]::GetCommandLineArgs()[0]
if ($entry -like '*.dll') { $pwshPrefix = @($entry) }
New-Item -ItemType Directory -Force -Path $WorkDirectory | Out-Null

function Get-Median([double[]] $values) {
    $sorted = $values | Sort-Object
    $n = $sorted.Count
    if ($n % 2) { return $sorted[[math]::Floor($n / 2)] }
    return ($sorted[$n / 2 - 1] + $sorted[$n / 2]) / 2
}

function Measure-Process([string] $file, [string[]] $arguments) {
    $info = [Diagnostics.ProcessStartInfo]::new($file)
    foreach ($a in $arguments) { $info.ArgumentList.Add($a) }
    $info.UseShellExecute = $false
    $sw = [Diagnostics.Stopwatch]::StartNew()
    $p = [Diagnostics.Process]::Start($info)
    $p.WaitForExit()
    $sw.Stop()
    if ($p.ExitCode -ne 0) { throw "$file $($arguments -join ' ') exited with $($p.ExitCode)" }
    return $sw.Elapsed.TotalMilliseconds
}

$rows = [Collections.Generic.List[string]]::new()

# 1. Import time --------------------------------------------------------------------------------------------------
Write-Host "Import-Module: $ImportRuns runs each (interleaved, after one warm-up of each)..."
$bare = @($pwshPrefix + @('-NoProfile', '-NonInteractive', '-Command', 'exit 0'))
$import = @($pwshPrefix + @('-NoProfile', '-NonInteractive', '-Command', "Import-Module '$module'; exit 0"))
$firstUse = @($pwshPrefix + @('-NoProfile', '-NonInteractive', '-Command', "Import-Module '$module'; `$null = New-Item -ItemType File -Path '$WorkDirectory/first-use.txt' -Force; Remove-SpectraSecureFile -LiteralPath '$WorkDirectory/first-use.txt' -Confirm:`$false | Out-Null; exit 0"))
$null = Measure-Process $pwshExe $bare; $null = Measure-Process $pwshExe $import
$t = @{ bare = @(); import = @(); first = @() }
for ($i = 0; $i -lt $ImportRuns; $i++) {
    $t.bare += Measure-Process $pwshExe $bare
    $t.import += Measure-Process $pwshExe $import
    $t.first += Measure-Process $pwshExe $firstUse
}
$bareMs = Get-Median $t.bare; $importMs = Get-Median $t.import; $firstMs = Get-Median $t.first
$rows.Add(('| pwsh start + Import-Module Spectra vs pwsh start alone | {0:N0} ms | {1:N0} ms | {2:N2}x | <= 1.5x | {3} |' -f $importMs, $bareMs, ($importMs / $bareMs), $(if ($importMs / $bareMs -le 1.5) { 'met' } else { 'NOT met' })))
$rows.Add(('| ... plus first cmdlet call (loads the engine) | {0:N0} ms | {1:N0} ms | {2:N2}x | (info) | |' -f $firstMs, $bareMs, ($firstMs / $bareMs)))

# 2. Secure deletion vs shred --------------------------------------------------------------------------------------
$shred = Get-Command shred -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
if (-not $shred) {
    $rows.Add('| secure deletion vs shred -n 3 -u | n/a | n/a | n/a | >= 0.9x | shred not installed |')
}
else {
    Import-Module $module -Force
    foreach ($sizeMb in 1, 100) {
        Write-Host "Secure deletion of $sizeMb MB: $DeleteRuns runs each (interleaved)..."
        $source = Join-Path $WorkDirectory "source-$sizeMb.bin"
        $bytes = [byte[]]::new($sizeMb * 1MB)
        [Security.Cryptography.RandomNumberGenerator]::Fill($bytes)
        [IO.File]::WriteAllBytes($source, $bytes)
        $ours = @(); $theirs = @(); $verified = $true
        for ($i = -1; $i -lt $DeleteRuns; $i++) {
            # Fresh copies each run, written and synced before timing, so neither tool starts with dirty pages.
            $a = Join-Path $WorkDirectory "ours-$i.bin"; $b = Join-Path $WorkDirectory "shred-$i.bin"
            Copy-Item -LiteralPath $source $a; Copy-Item -LiteralPath $source $b
            & sync
            $sw = [Diagnostics.Stopwatch]::StartNew()
            $r = Remove-SpectraSecureFile -LiteralPath $a -Confirm:$false -WarningAction SilentlyContinue
            $sw.Stop()
            $oursMs = $sw.Elapsed.TotalMilliseconds
            $shredMs = Measure-Process $shred.Source @('-n', '3', '-u', $b)
            if ($i -ge 0) { $ours += $oursMs; $theirs += $shredMs; $verified = $verified -and $r.Verified }
            if ((Test-Path $a) -or (Test-Path $b)) { throw 'a file survived its deletion' }
        }
        $o = Get-Median $ours; $s = Get-Median $theirs
        $ratio = $s / $o   # throughput ratio = ours / shred = shred time / our time
        $rows.Add(('| secure deletion {0} MB: Remove-SpectraSecureFile vs shred -n 3 -u | {1:N0} ms ({2:N0} MB/s) | {3:N0} ms ({4:N0} MB/s) | {5:N2}x | >= 0.9x | {6}{7} |' -f $sizeMb, $o, ($sizeMb * 1000 / $o), $s, ($sizeMb * 1000 / $s), $ratio, $(if ($ratio -ge 0.9) { 'met' } else { 'NOT met' }), $(if ($verified) { '' } else { ', NOT verified' })))
        Remove-Item -LiteralPath $source
    }
}

# 3. Logging -------------------------------------------------------------------------------------------------------
Write-Host "Logging: $LogEvents events per run..."
$project = Join-Path $PSScriptRoot 'LoggingBench/LoggingBench.csproj'
$output = & dotnet run -c Release --project $project -- $LogEvents 5 2>&1
if ($LASTEXITCODE -ne 0) { throw "LoggingBench failed: $output" }
foreach ($line in $output | Where-Object { $_ -match '^\| (file|in-memory)' }) {
    $cells = $line.Trim('|').Split('|').Trim()
    $ratio = [double]($cells[3].TrimEnd('x'))
    $goal = if ($cells[0] -like 'file*') { '>= 0.67x' } else { '(info)' }
    $status = if ($cells[0] -like 'file*') { if ($ratio -ge 0.67) { 'met' } else { 'NOT met' } } else { '' }
    $rows.Add("| logging, $($cells[0]): with redaction vs without | $($cells[2]) events/s | $($cells[1]) events/s | $($cells[3]) | $goal | $status |")
}

Remove-Item -Recurse -Force $WorkDirectory -ErrorAction SilentlyContinue
Write-Host ''
Write-Host "| what | Spectra | baseline | ratio | goal | status |"
Write-Host "|---|---:|---:|---:|---|---|"
$rows | ForEach-Object { Write-Host $_ }
