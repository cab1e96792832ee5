@{
    Synopsis    = 'Validates a Spectra configuration and reports one finding per problem, or only $true/$false with -Quiet.'
    Description = @'
Loads the effective configuration (environment, .env, file, defaults) and runs six checks: Schema (JSON Schema 2020-12 types, ranges and unknown keys), Security (api_hash is 32 hex characters, api_id positive, phone in E.164, no published sample credentials, no secrets stored in the file when the environment or .env can hold them, config and .env files not readable by other users), BusinessRules (min <= max pairs such as base_delay_seconds and max_delay_seconds or since and until, unique accounts and sessions, complete proxies), Paths (no '..', nothing under /etc, /proc, /sys, /dev or C:\Windows), Targets (@username, t.me link, invite link or numeric id) and Environment (unreadable .env lines, unknown SPECTRA_*__* variables, missing credentials).

Each finding has Check, Status (Pass, Warn, Fail), Field (a path like accounts[0].api_hash), Message (what is wrong and how to fix it) and Location (file:line, .env:line or $env:NAME). A check with nothing wrong reports one Pass. Malformed JSON is reported as a Fail finding naming the file and line. No secret value is ever printed.
'@
    Parameters  = @{
        LiteralPath = 'The configuration file, used exactly as written: no wildcard expansion (for names containing [ ] * or ?).'
        Path  = 'The configuration file(s) to validate; wildcards are allowed and FullName/PSPath bind from the pipeline, so Get-ChildItem *.json | Test-SpectraConfig works. Without it: $env:SPECTRA_CONFIG, else spectra_config.json in the current directory, else defaults only.'
        Quiet = 'Return only $true when no finding failed, $false otherwise (one Boolean per file).'
    }
    Examples    = @(
        @{
            Title   = 'Validate the sample configuration'
            Code    = 'Test-SpectraConfig -Path ./examples/spectra_config.json | Where-Object Status -ne Pass'
            Remarks = 'Shows the warnings and failures, each with the field, where it came from and how to fix it.'
        }
        @{
            Title   = 'Gate a script on a valid configuration'
            Code    = "if (-not (Test-SpectraConfig -Quiet)) { throw 'Fix the configuration first (run Test-SpectraConfig).' }"
            Remarks = '-Quiet returns $true only when nothing failed.'
        }
        @{
            Title   = 'Validate every config file in a folder'
            Code    = 'Get-ChildItem ./configs/*.json | Test-SpectraConfig -Quiet'
            Remarks = 'One Boolean per file, in pipeline order.'
        }
    )
    Inputs      = @('System.String (Path, also by the FullName/PSPath property)')
    Outputs     = @('Spectra.PowerShell.Models.SpectraConfigFinding', 'System.Boolean (with -Quiet)')
    Notes       = 'A missing file is an error record (ConfigFileNotFound, ObjectNotFound), not a finding.'
}
