@{
    RootModule             = 'Spectra.PowerShell.dll'
    ModuleVersion          = '0.1.0'
    GUID                   = 'a4f0c6c2-5d0b-4b8e-9f3e-2b7d3f1c9e51'
    Author                 = 'Spectra contributors'
    CompanyName            = 'Spectra contributors'
    Copyright              = '(c) Spectra contributors. MIT License.'
    Description            = 'Archives Telegram channels and groups into a local SQLite archive (messages, edits, media, users), with configuration validation, credential-safe logging, secure deletion and database integrity checks.'
    PowerShellVersion      = '7.4'
    CompatiblePSEditions   = @('Core')
    FormatsToProcess       = @('Spectra.format.ps1xml')
    CmdletsToExport        = @(
        'Backup-SpectraDatabase'
        'Get-SpectraChannel'
        'Get-SpectraMessage'
        'Get-SpectraRun'
        'Optimize-SpectraDatabase'
        'Search-SpectraMessage'
        'Test-SpectraDatabase'
        'Get-SpectraConfig'
        'Test-SpectraConfig'
        'Remove-SpectraSecureFile'
        'Export-SpectraArchive'
        'Import-SpectraExport'
        'Test-SpectraConnection'
    )
    FunctionsToExport      = @()
    AliasesToExport        = @()
    VariablesToExport      = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('Telegram', 'Archive', 'SQLite', 'MTProto', 'Backup', 'PSEdition_Core', 'Linux', 'Windows', 'MacOS')
            LicenseUri   = 'https://opensource.org/licenses/MIT'
            ProjectUri   = 'https://github.com/spectra-archive/spectra'
            ReleaseNotes = 'See CHANGELOG.md in the project repository.'
        }
    }
}
