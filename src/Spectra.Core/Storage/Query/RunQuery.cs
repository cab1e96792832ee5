using Spectra.Core.Storage.Model;

namespace Spectra.Core.Storage.Query;

/// <summary>Which runs to read; every filter is optional. Start times bound the runs: After inclusive, Before not.</summary>
public sealed record RunQuery
{
    public IReadOnlyCollection<long>? Ids { get; init; }

    public IReadOnlyCollection<RunKind>? Kinds { get; init; }

    public DateTimeOffset? After { get; init; }

    public DateTimeOffset? Before { get; init; }
}
