using Spectra.Telegram.Simulator.Fixtures;

namespace Spectra.Telegram.Simulator.Api;

/// <summary>Several simulated DCs on loopback sharing one RSA key and one <see cref="SimulatedApi"/> over a fixture.</summary>
public sealed class SimulatedCluster : IAsyncDisposable
{
    private readonly Dictionary<int, SimulatedDc> _dcs = [];

    private SimulatedCluster(SimFixture fixture, ServerRsaKey key)
    {
        Fixture = fixture;
        RsaKey = key;
        Api = new SimulatedApi(fixture, this);
    }

    public SimFixture Fixture { get; }

    public ServerRsaKey RsaKey { get; }

    public SimulatedApi Api { get; }

    public IReadOnlyDictionary<int, SimulatedDc> Dcs => _dcs;

    /// <summary>The first DC of the fixture: where a client without a session starts.</summary>
    public int FirstDcId => Fixture.DcIds[0];

    public static SimulatedCluster Start(SimFixture fixture, ServerRsaKey? key = null)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var cluster = new SimulatedCluster(fixture, key ?? ServerRsaKey.Generate());
        foreach (var id in fixture.DcIds)
        {
            var clock = fixture.Faults.ClockSkewSeconds == 0 ? TimeProvider.System : new SkewedTimeProvider(TimeSpan.FromSeconds(fixture.Faults.ClockSkewSeconds));
            var dc = new SimulatedDc(cluster.RsaKey, clock) { DcId = id, Api = cluster.Api, Faults = fixture.Faults };
            dc.Start();
            cluster._dcs[id] = dc;
        }

        return cluster;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var dc in _dcs.Values)
        {
            await dc.DisposeAsync().ConfigureAwait(false);
        }
    }
}
