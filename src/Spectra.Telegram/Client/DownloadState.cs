using Spectra.Telegram.Tl.Api;

namespace Spectra.Telegram.Client;

/// <summary>
/// What the parts of one download share: the current location (file reference) and DC. A refresh happens once per
/// expired generation, however many parts in flight saw FILE_REFERENCE_EXPIRED at the same time.
/// </summary>
internal sealed class DownloadState(InputFileLocationBase location, int dcId)
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private readonly object _gate = new();
    private InputFileLocationBase _location = location;
    private int _dcId = dcId;
    private int _generation;

    public (InputFileLocationBase Location, int DcId, int Generation) Snapshot()
    {
        lock (_gate)
        {
            return (_location, _dcId, _generation);
        }
    }

    public void MoveTo(int dcId)
    {
        lock (_gate)
        {
            _dcId = dcId;
        }
    }

    public async Task RefreshAsync(int seenGeneration, Func<CancellationToken, Task<InputFileLocationBase>> refresh, CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Volatile.Read(ref _generation) != seenGeneration)
            {
                return;
            }

            var fresh = await refresh(cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                _location = fresh;
                _generation++;
            }
        }
        finally
        {
            _refresh.Release();
        }
    }
}
