<#
.SYNOPSIS
    Writes the module's MAML help (en-US/Spectra.PowerShell.dll-Help.xml) from module/help/<Cmdlet>.psd1 files.
.DESCRIPTION
    Each help source is a data file with Synopsis, Description, Parameters (name -> description), Examples
    (@{ Title; Code; Remarks }), Inputs, Outputs and Notes. Parameter types, positions, pipeline input and
    mandatory flags, wildcard support ([SupportsWildcards]) and -WhatIf/-Confirm come from the compiled cmdlets, so
    help cannot drift from the code. A cmdlet without a help file, a parameter without a description, or a help file
    with no example fails the build.
#>
param(
    [Parameter(Mandatory)][string] $ModuleDirectory,
    [Parameter(Mandatory)][string] $HelpSource
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$module = Import-Module (Join-Path $ModuleDirectory 'Spectra.psd1') -PassThru -Force
# Get-Help adds [<CommonParameters>] and its paragraph itself, so those are left out. The optional common parameters
# -WhatIf and -Confirm are not: PowerShell's own help shows them in SYNTAX and documents them under PARAMETERS.
$common = [System.Management.Automation.Cmdlet]::CommonParameters
# Their descriptions, worded as in PowerShell's own cmdlet help; a help file may still give its own under Parameters.
$standardParameterDocs = @{
    WhatIf  = 'Shows what would happen if the cmdlet runs. The cmdlet is not run.'
    Confirm = 'Prompts you for confirmation before running the cmdlet.'
}
$problems = [System.Collections.Generic.List[string]]::new()

function Esc([string] $text) { [System.Security.SecurityElement]::Escape($text) }
# A parameter's type as Get-Command -Syntax shows it, so help and syntax agree: PowerShell's short names for built-in
# types (string[], int, datetime), no namespaces (FileInfo[], List[int]), and a nullable value type as its value type
# (an [int?] parameter is given as -First 5, like an [int] one; the raw name Nullable`1 meant nothing to readers).
function TypeName([type] $type) {
    $underlying = [Nullable]::GetUnderlyingType($type)
    if ($underlying) { $type = $underlying }
    [Microsoft.PowerShell.ToStringCodeMethods]::Type([psobject]$type) -replace '\b(?:\w+\.)+(?=\w)', ''
}
# The value a parameter takes. A switch takes none: without a parameterValue Get-Help shows [-Force], as Get-Command
# does, instead of [-Force <SwitchParameter>], which reads as if -Force needed an argument.
function ParameterValue([type] $type) {
    if ($type -eq [System.Management.Automation.SwitchParameter]) { return '' }
    "<command:parameterValue required=`"true`">$(Esc (TypeName $type))</command:parameterValue>"
}
function Para([string] $text) {
    (($text -split "`r?`n`r?`n") | ForEach-Object { "<maml:para>$(Esc $_.Trim())</maml:para>" }) -join ''
}

$sb = [System.Text.StringBuilder]::new()
[void]$sb.AppendLine('<?xml version="1.0" encoding="utf-8"?>')
[void]$sb.AppendLine('<helpItems schema="maml" xmlns="http://msh">')
foreach ($cmd in ($module.ExportedCmdlets.Values | Sort-Object Name)) {
    $file = Join-Path $HelpSource "$($cmd.Name).psd1"
    if (-not (Test-Path $file)) { $problems.Add("$($cmd.Name): no help file $file"); continue }
    $help = Import-PowerShellDataFile $file
    foreach ($key in 'Synopsis', 'Description', 'Parameters', 'Examples') {
        if (-not $help.ContainsKey($key) -or -not $help[$key]) { $problems.Add("$($cmd.Name): help file lacks $key") }
    }
    if (-not $help.ContainsKey('Examples') -or @($help.Examples).Count -eq 0) { continue }
    $verb, $noun = $cmd.Name -split '-', 2
    [void]$sb.AppendLine('<command:command xmlns:maml="http://schemas.microsoft.com/maml/2004/10" xmlns:command="http://schemas.microsoft.com/maml/dev/command/2004/10" xmlns:dev="http://schemas.microsoft.com/maml/dev/2004/10">')
    [void]$sb.AppendLine("<command:details><command:name>$($cmd.Name)</command:name><maml:description>$(Para $help.Synopsis)</maml:description><command:verb>$verb</command:verb><command:noun>$noun</command:noun></command:details>")
    [void]$sb.AppendLine("<maml:description>$(Para $help.Description)</maml:description>")

    $paramDocs = $help.Parameters
    $parameters = $cmd.Parameters.Values | Where-Object { $_.Name -notin $common }
    foreach ($p in $parameters) {
        if (-not $paramDocs.ContainsKey($p.Name) -and -not $standardParameterDocs.ContainsKey($p.Name)) { $problems.Add("$($cmd.Name): parameter -$($p.Name) has no description") }
    }

    [void]$sb.AppendLine('<command:syntax>')
    foreach ($set in $cmd.ParameterSets) {
        [void]$sb.AppendLine("<command:syntaxItem><maml:name>$($cmd.Name)</maml:name>")
        foreach ($sp in ($set.Parameters | Where-Object { $_.Name -notin $common })) {
            $pos = if ($sp.Position -ge 0) { $sp.Position } else { 'named' }
            [void]$sb.AppendLine("<command:parameter required=`"$($sp.IsMandatory.ToString().ToLower())`" position=`"$pos`" pipelineInput=`"$(if ($sp.ValueFromPipeline -or $sp.ValueFromPipelineByPropertyName) { 'True' } else { 'False' })`"><maml:name>$($sp.Name)</maml:name>$(ParameterValue $sp.ParameterType)</command:parameter>")
        }
        [void]$sb.AppendLine('</command:syntaxItem>')
    }
    [void]$sb.AppendLine('</command:syntax>')

    [void]$sb.AppendLine('<command:parameters>')
    foreach ($p in $parameters) {
        $attrs = @($p.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] })
        $mandatory = [bool]($attrs | Where-Object Mandatory)
        $pipeline = @()
        if ($attrs | Where-Object ValueFromPipeline) { $pipeline += 'ByValue' }
        if ($attrs | Where-Object ValueFromPipelineByPropertyName) { $pipeline += 'ByPropertyName' }
        $pipelineText = if ($pipeline) { "True ($($pipeline -join ', '))" } else { 'False' }
        # Under StrictMode, reading .Position of $null throws: a parameter without a position is 'named'.
        $positioned = $attrs | Where-Object { $_.Position -ge 0 } | Select-Object -First 1
        $position = if ($positioned) { $positioned.Position } else { 'named' }
        $aliases = ($p.Aliases -join ', ')
        $doc = if ($paramDocs.ContainsKey($p.Name)) { $paramDocs[$p.Name] } elseif ($standardParameterDocs.ContainsKey($p.Name)) { $standardParameterDocs[$p.Name] } else { '' }
        # "Accept wildcard characters?" is what the cmdlet declares with [SupportsWildcards], never a guess from the text.
        $globbing = [bool]($p.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
        # The type as PowerShell writes it in a cast, namespaces kept (System.Nullable[datetime], not the
        # assembly-qualified FullName of a generic type).
        $fullType = [Microsoft.PowerShell.ToStringCodeMethods]::Type([psobject]$p.ParameterType)
        [void]$sb.AppendLine("<command:parameter required=`"$($mandatory.ToString().ToLower())`" globbing=`"$($globbing.ToString().ToLower())`" pipelineInput=`"$pipelineText`" position=`"$position`" aliases=`"$(if ($aliases) { $aliases } else { 'none' })`"><maml:name>$($p.Name)</maml:name><maml:description>$(Para $doc)</maml:description>$(ParameterValue $p.ParameterType)<dev:type><maml:name>$(Esc $fullType)</maml:name></dev:type></command:parameter>")
    }
    [void]$sb.AppendLine('</command:parameters>')

    if ($help.ContainsKey('Inputs')) {
        [void]$sb.AppendLine('<command:inputTypes>')
        foreach ($i in @($help.Inputs)) { [void]$sb.AppendLine("<command:inputType><dev:type><maml:name>$(Esc $i)</maml:name></dev:type></command:inputType>") }
        [void]$sb.AppendLine('</command:inputTypes>')
    }
    [void]$sb.AppendLine('<command:returnValues>')
    foreach ($o in $cmd.OutputType) { [void]$sb.AppendLine("<command:returnValue><dev:type><maml:name>$(Esc $o.Name)</maml:name></dev:type></command:returnValue>") }
    [void]$sb.AppendLine('</command:returnValues>')
    if ($help.ContainsKey('Notes')) { [void]$sb.AppendLine("<maml:alertSet><maml:alert>$(Para $help.Notes)</maml:alert></maml:alertSet>") }

    [void]$sb.AppendLine('<command:examples>')
    $n = 0
    foreach ($ex in @($help.Examples)) {
        $n++
        [void]$sb.AppendLine("<command:example><maml:title>-------------------------- Example ${n}: $(Esc $ex.Title) --------------------------</maml:title><dev:code>$(Esc $ex.Code)</dev:code><dev:remarks>$(Para $ex.Remarks)</dev:remarks></command:example>")
    }
    [void]$sb.AppendLine('</command:examples>')
    if ($help.ContainsKey('Links')) {
        [void]$sb.AppendLine('<command:relatedLinks>')
        foreach ($l in @($help.Links)) { [void]$sb.AppendLine("<maml:navigationLink><maml:linkText>$(Esc $l)</maml:linkText></maml:navigationLink>") }
        [void]$sb.AppendLine('</command:relatedLinks>')
    }
    [void]$sb.AppendLine('</command:command>')
}
[void]$sb.AppendLine('</helpItems>')

if ($problems.Count -gt 0) {
    $problems | ForEach-Object { Write-Host "help: $_" }
    exit 1
}
$helpDir = Join-Path $ModuleDirectory 'en-US'
New-Item -ItemType Directory -Force -Path $helpDir | Out-Null
$target = Join-Path $helpDir 'Spectra.PowerShell.dll-Help.xml'
[System.IO.File]::WriteAllText($target, $sb.ToString(), [System.Text.UTF8Encoding]::new($false))
# Parse it back so malformed XML fails the build rather than Get-Help.
[xml](Get-Content -Raw $target) | Out-Null
