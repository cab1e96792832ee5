using System.Text.Json;

namespace Spectra.Telegram.Simulator.Fixtures;

/// <summary>What a simulated cluster serves: its DCs, accounts, channels and injected faults. Loadable from JSON.</summary>
public sealed class SimFixture
{
    private static readonly JsonSerializerOptions s_json = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };

    /// <summary>DC numbers to start (each a loopback server); the first is where clients start.</summary>
    public List<int> DcIds { get; init; } = [2, 4];

    public List<SimAccount> Accounts { get; init; } = [];

    public List<SimChannel> Channels { get; init; } = [];

    public SimFaults Faults { get; init; } = new();

    public static SimFixture FromJson(string json) =>
        JsonSerializer.Deserialize<SimFixture>(json, s_json) ?? throw new ArgumentException("The fixture JSON is empty.", nameof(json));
}
