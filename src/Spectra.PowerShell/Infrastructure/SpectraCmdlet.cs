using System.Management.Automation;
using Spectra.Core.Errors;
using Spectra.Core.Hosting;

namespace Spectra.PowerShell.Infrastructure;

/// <summary>
/// Base of every Spectra cmdlet: a cancellation token tied to Ctrl+C (StopProcessing), engine errors turned into
/// ErrorRecords, and <see cref="RunEngine{T}"/> for async engine work whose output, logs and progress are replayed
/// on the pipeline thread.
/// </summary>
public abstract class SpectraCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly HashSet<string> _filesDone = new(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
    private bool _disposed;
    private EngineSession? _engine;
    private (string? Database, string? Media) _engineKey;
    private HostRelay? _relay;

    /// <summary>Cancelled when the user presses Ctrl+C or the pipeline is stopped.</summary>
    protected CancellationToken CancellationToken => _stopping.Token;

    protected override void StopProcessing() => _stopping.Cancel();

    /// <summary>
    /// Runs async engine work on the thread pool while this (pipeline) thread replays everything the work writes.
    /// The work receives the dispatcher, which is also the engine's <see cref="Spectra.Core.Hosting.IHostMessageSink"/>.
    /// </summary>
    internal T RunEngine<T>(Func<PipelineDispatcher, CancellationToken, Task<T>> work)
    {
        using var dispatcher = new PipelineDispatcher(this);
        var previous = _relay?.Active;
        if (_relay is not null)
        {
            _relay.Active = dispatcher;
        }

        try
        {
            var task = Task.Run(() => work(dispatcher, CancellationToken), CancellationToken);
            return dispatcher.Pump(task);
        }
        finally
        {
            if (_relay is not null)
            {
                _relay.Active = previous;
            }
        }
    }

    /// <summary>
    /// The command's engine session: archive and media locations from -Database / -MediaDirectory over the
    /// configuration layers, and the engine log (file + this cmdlet's streams). Give <see cref="EngineSink"/> to
    /// engine services. Opened on first use and kept while later calls ask for the same locations; a pipeline
    /// record naming another archive gets a session of its own (the previous one is closed), so every record is
    /// worked on the archive it names. A configuration that cannot be read stops the command unless an explicit
    /// database was given or <paramref name="requireConfig"/> is false.
    /// </summary>
    internal EngineSession OpenEngine(string? database, string? mediaDirectory = null, bool requireConfig = true)
    {
        var key = (Database: FullPathOrNull(database), Media: FullPathOrNull(mediaDirectory));
        if (_engine is not null && key == _engineKey)
        {
            return _engine;
        }

        _relay ??= new HostRelay(CreateDirectSink());
        var here = SessionState.Path.CurrentFileSystemLocation.ProviderPath;
        EngineSession? opened = null;
        try
        {
            opened = EngineSession.Open(null, ConfigCommandSupport.EnvironmentSnapshot(), here, _relay,
                key.Database, key.Media, CommonSwitches.IsOn(this, "Debug"), requireConfig,
                writeLogFile: !CommonSwitches.IsOn(this, "WhatIf"),
                archiveCommand: requireConfig);
        }
        catch (SpectraException ex)
        {
            ThrowSpectraError(ex, database);
        }

        _engine?.Dispose();
        _engine = opened;
        _engineKey = key;
        return _engine!;
    }

    /// <summary>
    /// For the cmdlets that work on a whole file (check, optimize or back up an archive, import an export): false
    /// when this command has already worked on <paramref name="path"/>. Channels, messages and summaries piped in
    /// name their archive or export once per chat or message; the file is worked on once, not once per object.
    /// </summary>
    internal bool FirstTimeFor(string path)
    {
        if (_filesDone.Add(path))
        {
            return true;
        }

        WriteVerbose($"{path}: already done by this command.");
        return false;
    }

    /// <summary>The sink for engine services (the session in use, else one on the default locations): logs through the engine log, progress to this cmdlet.</summary>
    internal IHostMessageSink EngineSink => _engine ?? OpenEngine(null, requireConfig: false);

    private string? FullPathOrNull(string? path) =>
        path is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);

    /// <summary>A synchronous-call sink: for engine work that runs on the pipeline thread itself.</summary>
    internal PipelineDispatcher CreateDirectSink() => new(this);

    /// <summary>Reports a non-terminating engine error for one input and lets the pipeline go on.</summary>
    protected void WriteSpectraError(SpectraException exception, object? target) =>
        WriteError(ErrorRecords.From(exception, target));

    /// <summary>Stops the command with an engine error that makes going on pointless.</summary>
    protected void ThrowSpectraError(SpectraException exception, object? target) =>
        ThrowTerminatingError(ErrorRecords.From(exception, target));

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (!_disposed && disposing)
        {
            _stopping.Dispose();
            _engine?.Dispose();
        }

        _disposed = true;
    }
}
