namespace Spectra.Core.Storage.Model;

/// <summary>Where the archiving of one peer stands.</summary>
public enum SyncStatus
{
    Idle,
    Running,
    Complete,
    Partial,
    Failed,
}
