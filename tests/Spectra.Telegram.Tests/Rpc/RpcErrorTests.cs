using Spectra.Telegram.Rpc;
using Spectra.Telegram.Tests.Oracles;

namespace Spectra.Telegram.Tests.Rpc;

/// <summary>RPC error texts mapped to typed exceptions, compared with Telethon's rpc_message_to_error.</summary>
public sealed class RpcErrorTests(TelethonProcess telethon) : IClassFixture<TelethonProcess>
{
    public static TheoryData<int, string, Type> Cases => new()
    {
        { 420, "FLOOD_WAIT_17", typeof(FloodWaitException) },
        { 420, "FLOOD_PREMIUM_WAIT_5", typeof(FloodWaitException) },
        { 420, "SLOWMODE_WAIT_30", typeof(FloodWaitException) },
        { 303, "PHONE_MIGRATE_4", typeof(MigrateException) },
        { 303, "FILE_MIGRATE_5", typeof(MigrateException) },
        { 303, "USER_MIGRATE_2", typeof(MigrateException) },
        { 303, "NETWORK_MIGRATE_3", typeof(MigrateException) },
        { 401, "AUTH_KEY_UNREGISTERED", typeof(UnauthorizedException) },
        { 401, "SESSION_REVOKED", typeof(UnauthorizedException) },
        { 401, "SESSION_PASSWORD_NEEDED", typeof(SessionPasswordNeededException) },
        { 400, "FILE_REFERENCE_EXPIRED", typeof(FileReferenceExpiredException) },
        { 400, "CHANNEL_PRIVATE", typeof(ChannelPrivateException) },
        { 400, "USERNAME_NOT_OCCUPIED", typeof(RpcException) },
        { 420, "FLOOD_WAIT_", typeof(RpcException) },
        { 303, "PHONE_MIGRATE_X", typeof(RpcException) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Maps_error_texts_to_typed_exceptions(int code, string message, Type expected)
    {
        var error = RpcException.Create(code, message);
        Assert.IsType(expected, error);
        Assert.Equal((code, message), (error.Code, error.ErrorMessage));
    }

    [SkippableFact]
    public void Wait_seconds_and_dc_ids_agree_with_Telethon()
    {
        Oracle.RequireTelethon();
        foreach (var (code, message) in new[] { (420, "FLOOD_WAIT_17"), (420, "FLOOD_PREMIUM_WAIT_5"), (420, "SLOWMODE_WAIT_30"), (303, "PHONE_MIGRATE_4"), (303, "FILE_MIGRATE_5"), (303, "USER_MIGRATE_2"), (303, "NETWORK_MIGRATE_3"), (401, "SESSION_PASSWORD_NEEDED"), (400, "FILE_REFERENCE_EXPIRED"), (400, "CHANNEL_PRIVATE") })
        {
            var theirs = telethon.Call("rpc_error", new { code, message });
            var ours = RpcException.Create(code, message);
            Assert.Equal(theirs["code"]!.GetValue<int>(), ours.Code);
            if (theirs["seconds"] is { } seconds)
            {
                Assert.Equal(seconds.GetValue<int>(), Assert.IsType<FloodWaitException>(ours).Seconds);
            }

            if (theirs["new_dc"] is { } dc)
            {
                Assert.Equal(dc.GetValue<int>(), Assert.IsType<MigrateException>(ours).DcId);
            }

            // Telethon has one class per error; ours groups the waits and the migrations into one type each.
            // Telethon 1.25.1 predates FLOOD_PREMIUM_WAIT and files it under its generic 420 class, FloodError.
            var telethonType = theirs["type"]!.GetValue<string>();
            var expected = telethonType.Contains("Wait", StringComparison.Ordinal) || telethonType == "FloodError" ? nameof(FloodWaitException)
                : telethonType.Contains("Migrate", StringComparison.Ordinal) ? nameof(MigrateException)
                : telethonType.Replace("Error", "Exception", StringComparison.Ordinal);
            Assert.Equal(expected, ours.GetType().Name);
        }
    }
}
