# Telethon 1.25.1 (Debian's python3-telethon) as an oracle for Spectra.Telegram's layer-independent MTProto code.
# Run with /usr/bin/python3. Protocol: one JSON object per stdin line {"op": ..., args as hex strings},
# one JSON object per stdout line: the result fields, or {"error": "..."}. One process serves a whole test class.
import asyncio
import hashlib
import json
import struct
import sys
from unittest import mock

import telethon.network.mtprotostate as mtstate_mod
import telethon.password as tpw
from telethon.crypto import AES, AESModeCTR, AuthKey
from telethon.errors import rpc_message_to_error
from telethon.extensions import BinaryReader
from telethon.network.connection.tcpabridged import AbridgedPacketCodec
from telethon.network.connection.tcpintermediate import IntermediatePacketCodec, RandomizedIntermediatePacketCodec
from telethon.network.connection.tcpobfuscated import ObfuscatedIO
from telethon.network.mtprotostate import MTProtoState
from telethon.tl import types

H = bytes.fromhex
CODECS = {"abridged": AbridgedPacketCodec, "intermediate": IntermediatePacketCodec,
          "padded": RandomizedIntermediatePacketCodec}


class NullLog:
    def __getattr__(self, _):
        return lambda *a, **k: None


class Loggers(dict):
    def __missing__(self, key):
        return NullLog()


class BytesReader:
    def __init__(self, b, decrypt=None):
        self.b, self.i, self.decrypt = b, 0, decrypt

    async def readexactly(self, n):
        r = self.b[self.i:self.i + n]
        self.i += n
        if len(r) < n:
            raise asyncio.IncompleteReadError(r, n)
        return self.decrypt.encrypt(r) if self.decrypt else r


def read_all(codec, reader, count):
    return [asyncio.run(codec.read_packet(reader)) for _ in range(count)]


def state(auth_key, salt=0, session_id=0):
    st = MTProtoState(AuthKey(H(auth_key)), Loggers())
    st.salt, st.id = salt, session_id
    return st


def op_ige(a):
    f = AES.encrypt_ige if a["encrypt"] else AES.decrypt_ige
    return {"out": f(H(a["data"]), H(a["key"]), H(a["iv"])).hex()}


def op_kdf(a):
    key, iv = MTProtoState._calc_key(H(a["auth_key"]), H(a["msg_key"]), a["client"])
    return {"key": key.hex(), "iv": iv.hex()}


def op_auth_key(a):
    ak = AuthKey(H(a["auth_key"]))
    nn = int.from_bytes(H(a["new_nonce"]), "little", signed=True)
    return {"id": ak.key_id, "hash1": ak.calc_new_nonce_hash(nn, 1).to_bytes(16, "little", signed=True).hex()}


def op_client_encrypt(a):
    st = state(a["auth_key"], a["salt"], a["session_id"])
    with mock.patch.object(mtstate_mod.os, "urandom", lambda n: H(a["padding"])[:n]):
        return {"packet": st.encrypt_message_data(H(a["data"])).hex()}


def op_client_decrypt(a):
    st = state(a["auth_key"], 0, a["session_id"])
    msg = st.decrypt_message_data(H(a["packet"]))
    if msg is None:
        return {"ignored": True}
    return {"msg_id": msg.msg_id, "seq_no": msg.seq_no, "body": bytes(msg.obj).hex()}


def op_codec_encode(a):
    return {"wire": CODECS[a["codec"]](None).encode_packet(H(a["payload"])).hex()}


def op_codec_decode(a):
    return {"payloads": [p.hex() for p in read_all(CODECS[a["codec"]](None), BytesReader(H(a["wire"])), a["count"])]}


def op_obf_client(a):
    """Telethon as the client: header plus encrypted frames of the given payloads."""
    codec = CODECS[a["codec"]]
    header, enc, _ = ObfuscatedIO.init_header(codec)
    wire = b"".join(enc.encrypt(codec(None).encode_packet(H(p))) for p in a["payloads"])
    return {"header": bytes(header).hex(), "wire": wire.hex()}


def op_obf_server(a):
    """A server built on Telethon's CTR and codecs: read the client's header and frames, answer with reply frames."""
    hdr = H(a["header"])
    rev = hdr[8:56][::-1]
    c2s, s2c = AESModeCTR(hdr[8:40], hdr[40:56]), AESModeCTR(rev[:32], rev[32:48])
    plain = c2s.encrypt(hdr)
    codec = {b"\xef" * 4: "abridged", b"\xee" * 4: "intermediate", b"\xdd" * 4: "padded"}[plain[56:60]]
    payloads = read_all(CODECS[codec](None), BytesReader(H(a["wire"]), c2s), a["count"])
    reply = b"".join(s2c.encrypt(CODECS[codec](None).encode_packet(H(p))) for p in a["replies"])
    return {"codec": codec, "dc": struct.unpack("<h", plain[60:62])[0], "payloads": [p.hex() for p in payloads],
            "reply": reply.hex()}


def op_srp(a):
    algo = types.PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow(
        salt1=H(a["salt1"]), salt2=H(a["salt2"]), g=a["g"], p=H(a["p"]))
    acct = types.account.Password(new_algo=types.PasswordKdfAlgoUnknown(),
                                  new_secure_algo=types.SecurePasswordKdfAlgoUnknown(), secure_random=b"",
                                  has_password=True, current_algo=algo, srp_B=H(a["srp_b"]), srp_id=1)
    with mock.patch.object(tpw.os, "urandom", lambda n: H(a["a"])[:n]):
        chk = tpw.compute_check(acct, a["password"])
    return {"A": chk.A.hex(), "M1": chk.M1.hex(), "x": tpw.compute_hash(algo, a["password"]).hex()}


def op_rpc_error(a):
    e = rpc_message_to_error(types.RpcError(a["code"], a["message"]), None)
    return {"type": type(e).__name__, "seconds": getattr(e, "seconds", None), "new_dc": getattr(e, "new_dc", None),
            "code": getattr(e, "code", None)}


def op_rsa_pad_decrypt(a):
    """Undo RSA_PAD as core.telegram.org/mtproto/auth_key describes it, with the test's private key."""
    n, d = int(a["n"], 16), int(a["d"], 16)
    m = pow(int.from_bytes(H(a["cipher"]), "big"), d, n).to_bytes(256, "big")
    aes_encrypted = m[32:]
    temp_key = bytes(x ^ y for x, y in zip(m[:32], hashlib.sha256(aes_encrypted).digest()))
    data_with_hash = AES.decrypt_ige(aes_encrypted, temp_key, bytes(32))
    padded = data_with_hash[:192][::-1]
    ok = hashlib.sha256(temp_key + padded).digest() == data_with_hash[192:]
    return {"padded": padded.hex(), "hash_ok": ok}


OPS = {k[3:]: v for k, v in globals().items() if k.startswith("op_")}

for line in sys.stdin:
    try:
        req = json.loads(line)
        res = OPS[req["op"]](req)
    except Exception as ex:  # the C# side asserts on the message
        res = {"error": "%s: %s" % (type(ex).__name__, ex)}
    sys.stdout.write(json.dumps(res) + "\n")
    sys.stdout.flush()
