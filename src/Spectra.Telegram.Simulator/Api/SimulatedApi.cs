using System.Collections.Concurrent;
using System.Security.Cryptography;
using Spectra.Telegram.Simulator.Fixtures;
using Spectra.Telegram.Tl;
using Spectra.Telegram.Tl.Api;

namespace Spectra.Telegram.Simulator.Api;

/// <summary>
/// Telegram's API behaviour over a fixture, on the project's generated layer-198 types: connection init, config with
/// the cluster's loopback DCs, login with PHONE_MIGRATE and SRP two-step verification, authorization export/import,
/// and the read methods an archiver uses. Authorization is per (DC, auth key), as on real DCs.
/// </summary>
public sealed partial class SimulatedApi : IApiHandler
{
    private readonly SimFixture _fixture;
    private readonly SimulatedCluster _cluster;
    private readonly ConcurrentDictionary<(int Dc, long Key), SimAccount> _authorized = new();
    private readonly ConcurrentDictionary<(int Dc, long Key), SimAccount> _awaitingPassword = new();
    private readonly ConcurrentDictionary<string, SimAccount> _codeHashes = new();
    private readonly ConcurrentDictionary<long, ServerSrp> _srp = new();
    private readonly ConcurrentDictionary<long, (SimAccount Account, int Dc, byte[] Token)> _exports = new();
    private readonly ConcurrentDictionary<string, int> _callCounts = new();
    private int _totalCalls;

    internal SimulatedApi(SimFixture fixture, SimulatedCluster cluster)
    {
        _fixture = fixture;
        _cluster = cluster;
    }

    /// <summary>How many times each method was called (by TL name), for tests.</summary>
    public IReadOnlyDictionary<string, int> CallCounts => _callCounts;

    public async Task<ApiOutcome> HandleAsync(ApiCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var method = ApiSchema.ReadMethod(new TlReader(call.Body));
        while (true)
        {
            // Connection wrappers carry no behaviour here: serve the query inside.
            if (method is InvokeWithLayerRequest<object?> layer)
            {
                method = layer.Query;
            }
            else if (method is InitConnectionRequest<object?> init)
            {
                method = init.Query;
            }
            else
            {
                break;
            }
        }

        var name = ApiSchema.NameOf(method.ConstructorId) ?? "unknown";
        var count = _callCounts.AddOrUpdate(name, 1, (_, n) => n + 1);
        var faults = _fixture.Faults;
        if (faults.LatencyMs > 0)
        {
            await Task.Delay(faults.LatencyMs, cancellationToken).ConfigureAwait(false);
        }

        if (faults.DisconnectEvery > 0 && Interlocked.Increment(ref _totalCalls) % faults.DisconnectEvery == 0)
        {
            return ApiOutcome.Drop();
        }

        if (faults.FloodWaitEvery > 0 && method is Messages_GetHistoryRequest && count % faults.FloodWaitEvery == 0)
        {
            return ApiOutcome.Error(420, "FLOOD_WAIT_" + faults.FloodWaitSeconds);
        }

        var key = (call.DcId, call.AuthKeyId);
        switch (method)
        {
            case Help_GetConfigRequest:
                return ApiOutcome.Ok(BuildConfig(call.DcId));
            case Auth_SendCodeRequest send:
                return SendCode(call.DcId, send);
            case Auth_SignInRequest signIn:
                return SignIn(key, signIn);
            case Account_GetPasswordRequest:
                return GetPassword(key);
            case Auth_CheckPasswordRequest check:
                return CheckPassword(key, check);
            case Auth_ImportAuthorizationRequest import:
                return Import(key, import);
        }

        if (!_authorized.TryGetValue(key, out var account))
        {
            return ApiOutcome.Error(401, "AUTH_KEY_UNREGISTERED");
        }

        if (account.Banned)
        {
            return ApiOutcome.Error(401, "USER_DEACTIVATED_BAN");
        }

        return method switch
        {
            Auth_ExportAuthorizationRequest export => Export(account, export),
            Users_GetUsersRequest => new ApiOutcome(BoxedVector([UserOf(account)])),
            _ => ServeContent(call.DcId, method),
        };
    }

    private Config BuildConfig(int thisDc)
    {
        var config = new Config { Date = (int)DateTimeOffset.UtcNow.ToUnixTimeSeconds(), Expires = int.MaxValue, ThisDc = thisDc, MeUrlPrefix = "https://t.me/" };
        foreach (var (id, dc) in _cluster.Dcs)
        {
            config.DcOptions.Add(new DcOption { Id = id, IpAddress = "127.0.0.1", Port = dc.Port });
        }

        return config;
    }

    private ApiOutcome SendCode(int dcId, Auth_SendCodeRequest send)
    {
        var account = _fixture.Accounts.Find(a => a.Phone == send.PhoneNumber);
        if (account is null)
        {
            return ApiOutcome.Error(400, "PHONE_NUMBER_INVALID");
        }

        if (account.HomeDc != dcId)
        {
            return ApiOutcome.Error(303, "PHONE_MIGRATE_" + account.HomeDc);
        }

        var hash = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        _codeHashes[hash] = account;
        return ApiOutcome.Ok(new Auth_SentCode { Type = new Auth_SentCodeTypeApp { Length = account.Code.Length }, PhoneCodeHash = hash });
    }

    private ApiOutcome SignIn((int Dc, long Key) key, Auth_SignInRequest signIn)
    {
        if (!_codeHashes.TryGetValue(signIn.PhoneCodeHash, out var account) || account.Phone != signIn.PhoneNumber)
        {
            return ApiOutcome.Error(400, "PHONE_CODE_EXPIRED");
        }

        if (account.HomeDc != key.Dc)
        {
            return ApiOutcome.Error(303, "PHONE_MIGRATE_" + account.HomeDc);
        }

        if (signIn.PhoneCode != account.Code)
        {
            return ApiOutcome.Error(400, "PHONE_CODE_INVALID");
        }

        if (account.Password is not null)
        {
            _awaitingPassword[key] = account;
            return ApiOutcome.Error(401, "SESSION_PASSWORD_NEEDED");
        }

        return Authorize(key, account);
    }

    private ApiOutcome GetPassword((int Dc, long Key) key)
    {
        var account = _awaitingPassword.TryGetValue(key, out var pending) ? pending : _authorized.GetValueOrDefault(key);
        if (account?.Password is null)
        {
            return ApiOutcome.Ok(new Account_Password { NewAlgo = new PasswordKdfAlgoUnknown(), NewSecureAlgo = new SecurePasswordKdfAlgoUnknown(), SecureRandom = RandomNumberGenerator.GetBytes(32) });
        }

        var srp = new ServerSrp(account.Password, RandomNumberGenerator.GetBytes(16), RandomNumberGenerator.GetBytes(16));
        var srpId = BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8));
        _srp[srpId] = srp;
        return ApiOutcome.Ok(new Account_Password
        {
            HasPassword = true,
            CurrentAlgo = new PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow { Salt1 = srp.Salt1, Salt2 = srp.Salt2, G = ServerSrp.G, P = ServerSrp.Prime },
            SrpB = srp.B,
            SrpId = srpId,
            Hint = "fixture",
            NewAlgo = new PasswordKdfAlgoUnknown(),
            NewSecureAlgo = new SecurePasswordKdfAlgoUnknown(),
            SecureRandom = RandomNumberGenerator.GetBytes(32),
        });
    }

    private ApiOutcome CheckPassword((int Dc, long Key) key, Auth_CheckPasswordRequest check)
    {
        if (!_awaitingPassword.TryGetValue(key, out var account))
        {
            return ApiOutcome.Error(400, "PASSWORD_HASH_INVALID");
        }

        if (check.Password is not InputCheckPasswordSRP answer || !_srp.TryRemove(answer.SrpId, out var srp))
        {
            return ApiOutcome.Error(400, "SRP_ID_INVALID");
        }

        if (!srp.Verify(answer.A, answer.M1))
        {
            return ApiOutcome.Error(400, "PASSWORD_HASH_INVALID");
        }

        _awaitingPassword.TryRemove(key, out _);
        return Authorize(key, account);
    }

    private ApiOutcome Export(SimAccount account, Auth_ExportAuthorizationRequest export)
    {
        if (!_cluster.Dcs.ContainsKey(export.DcId))
        {
            return ApiOutcome.Error(400, "DC_ID_INVALID");
        }

        var token = RandomNumberGenerator.GetBytes(32);
        var id = BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8));
        _exports[id] = (account, export.DcId, token);
        return ApiOutcome.Ok(new Auth_ExportedAuthorization { Id = id, Bytes = token });
    }

    private ApiOutcome Import((int Dc, long Key) key, Auth_ImportAuthorizationRequest import)
    {
        if (!_exports.TryRemove(import.Id, out var export) || export.Dc != key.Dc || !CryptographicOperations.FixedTimeEquals(export.Token, import.Bytes))
        {
            return ApiOutcome.Error(400, "AUTH_BYTES_INVALID");
        }

        return Authorize(key, export.Account);
    }

    private ApiOutcome Authorize((int Dc, long Key) key, SimAccount account)
    {
        _authorized[key] = account;
        return account.Banned ? ApiOutcome.Error(401, "USER_DEACTIVATED_BAN") : ApiOutcome.Ok(new Auth_Authorization { User = UserOf(account) });
    }

    private static byte[] BoxedVector(IReadOnlyList<TlObject> items)
    {
        var writer = new TlWriter();
        writer.WriteUInt(0x1cb5c415);
        writer.WriteInt(items.Count);
        foreach (var item in items)
        {
            item.Write(writer);
        }

        return writer.ToArray();
    }

    private static User UserOf(SimAccount account) =>
        new() { Self = true, Id = account.UserId, AccessHash = account.UserId * 7, FirstName = account.FirstName, Phone = account.Phone };
}
