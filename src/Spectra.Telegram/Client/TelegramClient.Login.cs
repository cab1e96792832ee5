using Spectra.Telegram.Crypto;
using Spectra.Telegram.Errors;
using Spectra.Telegram.Rpc;
using Spectra.Telegram.Tl.Api;

namespace Spectra.Telegram.Client;

/// <summary>Login: auth.sendCode (PHONE_MIGRATE moves the home DC), auth.signIn, and SRP two-step verification.</summary>
public sealed partial class TelegramClient
{
    /// <summary>
    /// Logs in with a phone number. <paramref name="getCode"/> is asked for the login code once it was sent;
    /// <paramref name="getPassword"/> (given the password hint) only if the account has two-step verification.
    /// Neither the code nor the password is logged or kept.
    /// </summary>
    public async Task<User> LoginAsync(string phone, Func<CancellationToken, Task<string>> getCode, Func<string?, CancellationToken, Task<string>> getPassword, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(phone);
        ArgumentNullException.ThrowIfNull(getCode);
        ArgumentNullException.ThrowIfNull(getPassword);
        var sent = await InvokeAsync(new Auth_SendCodeRequest { PhoneNumber = phone, ApiId = _options.ApiId, ApiHash = _options.ApiHash, Settings = new CodeSettings() }, cancellationToken).ConfigureAwait(false);
        if (sent is not Auth_SentCode code)
        {
            throw new TelegramException("auth.sendCode answered " + sent.GetType().Name + ", which this client does not handle (e.g. an already authorized sign-in).");
        }

        var phoneCode = await getCode(cancellationToken).ConfigureAwait(false);
        Auth_AuthorizationBase authorization;
        try
        {
            authorization = await InvokeAsync(new Auth_SignInRequest { PhoneNumber = phone, PhoneCodeHash = code.PhoneCodeHash, PhoneCode = phoneCode }, cancellationToken).ConfigureAwait(false);
        }
        catch (SessionPasswordNeededException)
        {
            authorization = await CheckPasswordAsync(getPassword, cancellationToken).ConfigureAwait(false);
        }

        return Complete(authorization);
    }

    private async Task<Auth_AuthorizationBase> CheckPasswordAsync(Func<string?, CancellationToken, Task<string>> getPassword, CancellationToken cancellationToken)
    {
        var settings = await InvokeAsync(new Account_GetPasswordRequest(), cancellationToken).ConfigureAwait(false);
        if (settings.CurrentAlgo is not PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow algo || settings.SrpB is null || settings.SrpId is null)
        {
            throw new TelegramException("The account asks for a password with an algorithm this client does not support.");
        }

        var password = await getPassword(settings.Hint, cancellationToken).ConfigureAwait(false);
        var answer = Srp.ComputeCheck(password, algo.Salt1, algo.Salt2, algo.G, algo.P, settings.SrpB);
        return await InvokeAsync(new Auth_CheckPasswordRequest { Password = new InputCheckPasswordSRP { SrpId = settings.SrpId.Value, A = answer.A, M1 = answer.M1 } }, cancellationToken).ConfigureAwait(false);
    }

    private User Complete(Auth_AuthorizationBase authorization)
    {
        if (authorization is not Auth_Authorization { User: User user })
        {
            throw new TelegramException("The account is not registered (sign-up is not supported by this client).");
        }

        UserId = user.Id;
        GetConnection(HomeDcId).Authorized = true;
        return user;
    }
}
