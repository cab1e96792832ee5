using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Spectra.Telegram.Crypto;

// AES-256-IGE throughput: ours (AES-NI path, and the portable ECB path) against OpenSSL's AES_ige_encrypt reached
// through Telethon 1.25.1's libssl binding, on the same machine in the same run. Each side encrypts and decrypts the
// same buffer size repeatedly for a fixed time and reports MB/s.
const int BufferSize = 1 << 20;
var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 3.0;
var key = RandomNumberGenerator.GetBytes(32);
var iv = RandomNumberGenerator.GetBytes(32);
var data = RandomNumberGenerator.GetBytes(BufferSize);
var output = new byte[BufferSize];

double Measure(Action<byte[], byte[]> op)
{
    op(data, output);
    var watch = Stopwatch.StartNew();
    long bytes = 0;
    while (watch.Elapsed.TotalSeconds < seconds)
    {
        op(data, output);
        bytes += BufferSize;
    }

    return bytes / watch.Elapsed.TotalSeconds / 1e6;
}

var oursEncrypt = Measure((i, o) => AesIge.Encrypt(i, o, key, iv));
var oursDecrypt = Measure((i, o) => AesIge.Decrypt(i, o, key, iv));
var portableEncrypt = Measure((i, o) => AesIge.TransformPortable(i, o, key, iv, encrypt: true));

var script = $$"""
import ctypes, ctypes.util, os, time
from telethon.crypto import aes
assert aes.libssl.encrypt_ige, "Telethon is not using OpenSSL here"
N = {{BufferSize}}
key, iv, data = os.urandom(32), os.urandom(32), os.urandom(N)
def run(f):
    f()
    n, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < {{seconds.ToString(CultureInfo.InvariantCulture)}}:
        f(); n += N
    return n / (time.perf_counter() - t0) / 1e6
# 1) Telethon's own call (copies the buffer into ctypes arrays on every call)
tel = (run(lambda: aes.AES.encrypt_ige(data, key, iv)), run(lambda: aes.AES.decrypt_ige(data, key, iv)))
# 2) the same OpenSSL function called zero-copy, so only OpenSSL's IGE loop is timed
lib = ctypes.CDLL(ctypes.util.find_library("crypto"))
class AES_KEY(ctypes.Structure):
    _fields_ = [("rd_key", ctypes.c_uint32 * 60), ("rounds", ctypes.c_uint)]
ek, dk = AES_KEY(), AES_KEY()
kb = (ctypes.c_ubyte * 32).from_buffer(bytearray(key))
lib.AES_set_encrypt_key(kb, 256, ctypes.byref(ek)); lib.AES_set_decrypt_key(kb, 256, ctypes.byref(dk))
inb = (ctypes.c_ubyte * N).from_buffer(bytearray(data)); out = (ctypes.c_ubyte * N)()
def ige(k, enc):
    ivb = (ctypes.c_ubyte * 32).from_buffer(bytearray(iv))
    lib.AES_ige_encrypt(inb, out, ctypes.c_size_t(N), ctypes.byref(k), ivb, ctypes.c_int(enc))
raw = (run(lambda: ige(ek, 1)), run(lambda: ige(dk, 0)))
print(tel[0], tel[1], raw[0], raw[1])
""";
var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
info.ArgumentList.Add("-c");
info.ArgumentList.Add(script);
using var python = Process.Start(info)!;
var line = python.StandardOutput.ReadToEnd().Trim();
python.WaitForExit();
if (python.ExitCode != 0)
{
    Console.Error.WriteLine("Baseline failed (install python3-telethon): " + python.StandardError.ReadToEnd());
    return 1;
}

var parts = line.Split(' ');
var telethonEncrypt = double.Parse(parts[0], CultureInfo.InvariantCulture);
var telethonDecrypt = double.Parse(parts[1], CultureInfo.InvariantCulture);
var sslEncrypt = double.Parse(parts[2], CultureInfo.InvariantCulture);
var sslDecrypt = double.Parse(parts[3], CultureInfo.InvariantCulture);
Console.WriteLine(FormattableString.Invariant($"AES-256-IGE, {BufferSize >> 20} MiB buffers, {seconds:0.#} s per measurement, AES-NI available: {AesNiKeySchedule_IsSupported()}"));
Console.WriteLine(FormattableString.Invariant($"{"",-34}{"encrypt MB/s",14}{"decrypt MB/s",14}"));
Console.WriteLine(FormattableString.Invariant($"{"Spectra.Telegram AesIge",-34}{oursEncrypt,14:0.0}{oursDecrypt,14:0.0}"));
Console.WriteLine(FormattableString.Invariant($"{"Spectra.Telegram portable (ECB)",-34}{portableEncrypt,14:0.0}{"",14}"));
Console.WriteLine(FormattableString.Invariant($"{"OpenSSL AES_ige_encrypt, zero-copy",-34}{sslEncrypt,14:0.0}{sslDecrypt,14:0.0}"));
Console.WriteLine(FormattableString.Invariant($"{"Telethon AES.encrypt_ige (OpenSSL)",-34}{telethonEncrypt,14:0.0}{telethonDecrypt,14:0.0}"));
Console.WriteLine(FormattableString.Invariant($"ratio ours/OpenSSL (zero-copy): encrypt {oursEncrypt / sslEncrypt:0.00}x, decrypt {oursDecrypt / sslDecrypt:0.00}x (goal >= 0.5x)"));
Console.WriteLine(FormattableString.Invariant($"ratio ours/Telethon's call: encrypt {oursEncrypt / telethonEncrypt:0.0}x, decrypt {oursDecrypt / telethonDecrypt:0.0}x"));
return oursEncrypt / sslEncrypt >= 0.5 && oursDecrypt / sslDecrypt >= 0.5 ? 0 : 2;

static bool AesNiKeySchedule_IsSupported() => System.Runtime.Intrinsics.X86.Aes.IsSupported;
