namespace Spectra.Core.Storage.Model;

/// <summary>What one <c>WriteBatch</c> did. Writing the same batch twice gives Inserted = Updated = 0 the second time.</summary>
public sealed record BatchResult(int Inserted, int Updated, int Unchanged, IReadOnlyList<MessageError> Errors)
{
    public int Written => Inserted + Updated;
}
