@{
    Synopsis    = 'Shows every effective Spectra configuration value and the layer it came from, with secrets masked.'
    Description = @'
Builds the effective configuration from its layers, highest first: environment variables (TG_API_ID, TG_API_HASH, SPECTRA_DB_PATH, SPECTRA_MEDIA_DIR, SPECTRA_LOG_LEVEL or LOG_LEVEL, SPECTRA_SECURE_LOGGING, and SPECTRA_<SECTION>__<KEY> for any key), a .env file beside the config file, the JSON config file, and the built-in defaults. It writes one object per value: Key (a field path such as accounts[0].api_hash), Value, Source (Environment, DotEnv, File or Default) and Location (file:line, .env:line or $env:NAME).

Secret values (api_hash, phone, proxy password and secret) are never shown: a set secret appears as ********. So do the values of keys the schema does not know, since a misspelt key (api_hsah, pasword) is where a real secret ends up; Test-SpectraConfig names such keys.

Without -Path the file is $env:SPECTRA_CONFIG, else spectra_config.json in the current directory if it exists; with neither, the defaults apply and nothing is written. Loading never creates a file.
'@
    Parameters  = @{
        LiteralPath = 'The configuration file, used exactly as written: no wildcard expansion (for names containing [ ] * or ?).'
        Path = 'The configuration file to read. Accepts FullName/PSPath from the pipeline (e.g. Get-ChildItem). A missing file is an error (ConfigFileNotFound); malformed JSON is an error (ConfigParseError) naming the file and line.'
    }
    Examples    = @(
        @{
            Title   = 'Show the effective configuration'
            Code    = 'Get-SpectraConfig'
            Remarks = 'Lists every value with its source; with no file in the current directory these are the defaults plus any environment variables.'
        }
        @{
            Title   = 'See which values come from the environment'
            Code    = "`$env:TG_API_ID = '1234567'; Get-SpectraConfig -Path ./spectra_config.json | Where-Object Source -eq 'Environment'"
            Remarks = 'Shows the values that environment variables override, with the variable name in Location.'
        }
    )
    Inputs      = @('System.String (Path, also by the FullName/PSPath property)')
    Outputs     = @('Spectra.PowerShell.Models.SpectraConfigValue')
    Notes       = 'Run Test-SpectraConfig to validate the values. Error ids: ConfigFileNotFound (ObjectNotFound), ConfigFileUnreadable, ConfigParseError (ParserError).'
}
