# A loopback MTProto server built on Debian's python3-telethon 1.25.1 primitives (TL objects, AES-IGE, AES-CTR,
# AuthKey, nonce-derived keys) plus python3-rsa, for Spectra.Telegram's end-to-end tests. Written from the spec
# (core.telegram.org/mtproto/auth_key, /mtproto/description); it shares no code with the C# client.
# Run with /usr/bin/python3. Prints one JSON line {"port", "pem"} when listening, then one JSON line per event.
#
# Behaviour is chosen by the dc id the client puts in p_q_inner_data_dc: 2 normal; 3 answers the first
# set_client_DH_params with dh_gen_retry; 4 answers with dh_gen_fail.
# Encrypted requests: every new session gets new_session_created with a fresh salt, so the client's first message
# (sent with the handshake salt) earns a bad_server_salt; a msg_id more than 30 s off the server clock earns
# bad_msg_notification 16/17. ping / ping_delay_disconnect -> pong; help.getNearestDc -> nearestDc("XX", dc, dc);
# help.getCountriesList(lang_code): "ERR:<code>:<text>" -> rpc_error, "GZIP" -> gzip-packed countriesListNotModified,
# "PAIR" -> two answers (this one and an extra pong) in one msg_container, else countriesListNotModified.
import asyncio
import hashlib
import json
import os
import random
import struct
import sys
import time

import rsa
from telethon import helpers
from telethon.crypto import AES, AESModeCTR, AuthKey
from telethon.extensions import BinaryReader
from telethon.network.mtprotostate import MTProtoState
from telethon.tl import functions, types
from telethon.tl.core import GzipPacked

DH_PRIME = int(
    "C71CAEB9C6B1C9048E6C522F70F13F73980D40238E3E21C14934D037563D930F48198A0AA7C14058229493D22530F4DB"
    "FA336F6E0AC925139543AED44CCE7C3720FD51F69458705AC68CD4FE6B6B13ABDC9746512969328454F18FAF8C595F64"
    "2477FE96BB2A941D5BCD1D4AC8CC49880708FA9B378E3C4F3A9060BEE67CF9A4A4A695811051907E162753B56B0F6B41"
    "0DBA74D8A84B2A14B3144E0EF1284754FD17ED950D5965B4B9DD46582DB1178D169C6BC465B0D6FF9CA3928FEF5B9AE4"
    "E418FC15E83EBEA0F87FA9FF5EED70050DED2849F47BF959D956850CE929851F0D8115F635B105EE2E4E15D04B2454BF"
    "6F4FADF034B10403119CD8E3B92FCC5B", 16)
P, Q = 1513098571, 1780931429
if os.environ.get("SPECTRA_TEST_RSA_PEM"):      # the test hands over a key: pure-Python generation takes seconds
    PRIV = rsa.PrivateKey.load_pkcs1(os.environ["SPECTRA_TEST_RSA_PEM"].encode())
    PUB = rsa.PublicKey(PRIV.n, PRIV.e)
else:
    PUB, PRIV = rsa.newkeys(2048)
sha1 = lambda b: hashlib.sha1(b).digest()
sha256 = lambda b: hashlib.sha256(b).digest()


def tl_bytes(b):
    if len(b) < 254:
        return bytes([len(b)]) + b + bytes(-(len(b) + 1) % 4)
    return b"\xfe" + len(b).to_bytes(3, "little") + b + bytes(-len(b) % 4)


N_BYTES = PUB.n.to_bytes(256, "big")
E_BYTES = PUB.e.to_bytes((PUB.e.bit_length() + 7) // 8, "big")
FINGERPRINT = struct.unpack("<q", sha1(tl_bytes(N_BYTES) + tl_bytes(E_BYTES))[-8:])[0]
le = lambda b: int.from_bytes(b, "little", signed=True)


def emit(**event):
    sys.stdout.write(json.dumps(event) + "\n")
    sys.stdout.flush()


class Framing:
    """Server side of the four framings; obfuscated2 wraps any of them."""

    def __init__(self, reader, writer):
        self.reader, self.writer, self.dec, self.enc, self.kind = reader, writer, None, None, None

    async def read_exactly(self, n):
        data = await self.reader.readexactly(n)
        return self.dec.encrypt(data) if self.dec else data

    async def start(self):
        first = await self.reader.readexactly(1)
        if first == b"\xef":
            self.kind = "abridged"
            return
        rest = await self.reader.readexactly(3)
        if first + rest in (b"\xee" * 4, b"\xdd" * 4):
            self.kind = "intermediate" if first == b"\xee" else "padded"
            return
        header = first + rest + await self.reader.readexactly(60)
        rev = header[8:56][::-1]
        self.dec, self.enc = AESModeCTR(header[8:40], header[40:56]), AESModeCTR(rev[:32], rev[32:48])
        plain = self.dec.encrypt(header)
        self.kind = {b"\xef" * 4: "abridged", b"\xee" * 4: "intermediate", b"\xdd" * 4: "padded"}[plain[56:60]]
        self.kind = "obfuscated-" + self.kind

    async def read(self):
        if self.kind.endswith("abridged"):
            n = (await self.read_exactly(1))[0]
            if n == 0x7f:
                n = int.from_bytes(await self.read_exactly(3), "little")
            return await self.read_exactly(n * 4)
        n = struct.unpack("<i", await self.read_exactly(4))[0]
        data = await self.read_exactly(n)
        return data[:len(data) - len(data) % 4]

    def write(self, payload):
        if self.kind.endswith("abridged"):
            n = len(payload) // 4
            frame = (bytes([n]) if n < 0x7f else b"\x7f" + n.to_bytes(3, "little")) + payload
        elif self.kind.endswith("padded"):
            pad = os.urandom(random.randint(0, 3))
            frame = struct.pack("<i", len(payload) + len(pad)) + payload + pad
        else:
            frame = struct.pack("<i", len(payload)) + payload
        self.writer.write(self.enc.encrypt(frame) if self.enc else frame)


class Connection:
    def __init__(self, framing):
        self.f = framing
        self.last_server_id = 0
        self.key = None
        self.dc = 2
        self.retried = False
        self.sessions = {}
        self.salt = 0

    def server_msg_id(self, response):
        mid = (int(time.time()) << 32) | (random.getrandbits(20) << 2) | (1 if response else 3)
        mid = max(mid, self.last_server_id + 4) if mid <= self.last_server_id else mid
        self.last_server_id = mid
        return mid

    def send_plain(self, obj):
        body = bytes(obj)
        self.f.write(bytes(8) + struct.pack("<qi", self.server_msg_id(True), len(body)) + body)

    # ---- unencrypted: the DH exchange ---------------------------------------------------------
    def on_plain(self, body):
        obj = BinaryReader(body).tgread_object()
        if isinstance(obj, functions.ReqPqMultiRequest):
            self.nonce, self.server_nonce = obj.nonce, le(os.urandom(16))
            self.send_plain(types.ResPQ(obj.nonce, self.server_nonce, (P * Q).to_bytes(8, "big"), [FINGERPRINT]))
        elif isinstance(obj, functions.ReqDHParamsRequest):
            assert obj.public_key_fingerprint == FINGERPRINT and obj.nonce == self.nonce
            assert (obj.p, obj.q) == (P.to_bytes(4, "big"), Q.to_bytes(4, "big")), "p/q not as factorized"
            m = pow(int.from_bytes(obj.encrypted_data, "big"), PRIV.d, PUB.n).to_bytes(256, "big")
            aes_encrypted = m[32:]
            temp_key = bytes(x ^ y for x, y in zip(m[:32], sha256(aes_encrypted)))
            dwh = AES.decrypt_ige(aes_encrypted, temp_key, bytes(32))
            padded = dwh[:192][::-1]
            assert sha256(temp_key + padded) == dwh[192:], "RSA_PAD hash mismatch"
            inner = BinaryReader(padded).tgread_object()
            assert isinstance(inner, types.PQInnerDataDc), type(inner).__name__
            assert inner.nonce == self.nonce and inner.server_nonce == self.server_nonce
            self.new_nonce, self.dc = inner.new_nonce, inner.dc
            emit(event="req_DH_params", dc=inner.dc)
            self.a = int.from_bytes(os.urandom(256), "big")
            g_a = pow(3, self.a, DH_PRIME)
            data = bytes(types.ServerDHInnerData(self.nonce, self.server_nonce, 3, DH_PRIME.to_bytes(256, "big"),
                                                 g_a.to_bytes(256, "big"), int(time.time())))
            self.tmp_key, self.tmp_iv = helpers.generate_key_data_from_nonce(self.server_nonce, self.new_nonce)
            plain = sha1(data) + data
            plain += os.urandom(-len(plain) % 16)
            self.send_plain(types.ServerDHParamsOk(self.nonce, self.server_nonce, AES.encrypt_ige(plain, self.tmp_key, self.tmp_iv)))
        elif isinstance(obj, functions.SetClientDHParamsRequest):
            plain = AES.decrypt_ige(obj.encrypted_data, self.tmp_key, self.tmp_iv)
            inner = BinaryReader(plain[20:]).tgread_object()
            assert sha1(bytes(inner)) == plain[:20], "client_DH_inner_data hash mismatch"
            g_b = int.from_bytes(inner.g_b, "big")
            assert 2 ** 1984 <= g_b <= DH_PRIME - 2 ** 1984
            key = AuthKey(pow(g_b, self.a, DH_PRIME).to_bytes(256, "big"))
            if self.dc == 3 and not self.retried:
                self.retried = True
                self.prev_aux = key.aux_hash
                self.send_plain(types.DhGenRetry(self.nonce, self.server_nonce, key.calc_new_nonce_hash(self.new_nonce, 2)))
                emit(event="dh_gen_retry", aux_hash=key.aux_hash)
                return
            if self.dc == 3:
                assert inner.retry_id & (2 ** 64 - 1) == self.prev_aux, "retry_id must be the previous key's aux hash"
            if self.dc == 4:
                self.send_plain(types.DhGenFail(self.nonce, self.server_nonce, key.calc_new_nonce_hash(self.new_nonce, 3)))
                return
            self.key = key
            self.salt = le(bytes(a ^ b for a, b in zip(self.new_nonce.to_bytes(32, "little", signed=True)[:8],
                                                        self.server_nonce.to_bytes(16, "little", signed=True)[:8])))
            self.send_plain(types.DhGenOk(self.nonce, self.server_nonce, key.calc_new_nonce_hash(self.new_nonce, 1)))
            emit(event="auth_key", key_id=key.key_id, salt=self.salt, retry_id=inner.retry_id)

    # ---- encrypted messages ------------------------------------------------------------------
    def send(self, session_id, body, content_related=True, response=True):
        st = self.sessions[session_id]
        seq = st["seq"] * 2 + (1 if content_related else 0)
        st["seq"] += 1 if content_related else 0
        plain = struct.pack("<qqqii", self.salt, session_id, self.server_msg_id(response), seq, len(body)) + body
        plain += os.urandom(-(len(plain) + 12) % 16 + 12)
        msg_key = sha256(self.key.key[96:128] + plain)[8:24]
        k, iv = MTProtoState._calc_key(self.key.key, msg_key, False)
        self.f.write(struct.pack("<Q", self.key.key_id) + msg_key + AES.encrypt_ige(plain, k, iv))

    def on_encrypted(self, packet):
        key_id, msg_key = struct.unpack("<Q", packet[:8])[0], packet[8:24]
        assert key_id == self.key.key_id, "unknown auth key"
        k, iv = MTProtoState._calc_key(self.key.key, msg_key, True)
        plain = AES.decrypt_ige(packet[24:], k, iv)
        assert sha256(self.key.key[88:120] + plain)[8:24] == msg_key, "msg_key mismatch"
        salt, session_id, msg_id, seq, length = struct.unpack("<qqqii", plain[:32])
        assert msg_id % 4 == 0, "client msg_id not divisible by 4"
        if session_id not in self.sessions:
            self.sessions[session_id] = {"seq": 0, "last_id": 0}
            self.salt = le(os.urandom(8))
            self.send(session_id, bytes(types.NewSessionCreated(msg_id, le(os.urandom(8)), self.salt)))
            emit(event="new_session", salt=self.salt)
        st = self.sessions[session_id]
        st["last_id"] = max(st["last_id"], msg_id)
        skew = (msg_id >> 32) - time.time()
        if abs(skew) > 30:
            emit(event="bad_msg", code=16 if skew < 0 else 17)
            self.send(session_id, bytes(types.BadMsgNotification(msg_id, seq, 16 if skew < 0 else 17)), False, False)
            return
        if salt != self.salt:
            emit(event="bad_server_salt")
            self.send(session_id, bytes(types.BadServerSalt(msg_id, seq, 48, self.salt)), False, False)
            return
        self.dispatch(session_id, msg_id, seq, plain[32:32 + length])

    def dispatch(self, session_id, msg_id, seq, body):
        cid = struct.unpack("<I", body[:4])[0]
        if cid == 0x73F1F8DC:
            count = struct.unpack("<i", body[4:8])[0]
            pos = 8
            emit(event="container", count=count)
            for _ in range(count):
                mid, mseq, ln = struct.unpack("<qii", body[pos:pos + 16])
                self.dispatch(session_id, mid, mseq, body[pos + 16:pos + 16 + ln])
                pos += 16 + ln
            return
        obj = BinaryReader(body).tgread_object()
        name = type(obj).__name__
        emit(event="request", name=name, seq=seq)
        rpc = lambda result: struct.pack("<Iq", 0xF35C6D01, msg_id) + result
        if isinstance(obj, types.MsgsAck):
            emit(event="acks", ids=len(obj.msg_ids))
        elif isinstance(obj, (functions.PingRequest, functions.PingDelayDisconnectRequest)):
            self.send(session_id, bytes(types.Pong(msg_id, obj.ping_id)))
        elif isinstance(obj, functions.help.GetNearestDcRequest):
            self.send(session_id, rpc(bytes(types.NearestDc("XX", self.dc, self.dc))))
        elif isinstance(obj, functions.help.GetCountriesListRequest):
            code = obj.lang_code
            if code.startswith("ERR:"):
                _, num, text = code.split(":", 2)
                self.send(session_id, rpc(bytes(types.RpcError(int(num), text))))
            elif code == "GZIP":
                self.send(session_id, rpc(bytes(GzipPacked(bytes(types.help.CountriesListNotModified())))))
            elif code == "PAIR":
                a = rpc(bytes(types.help.CountriesListNotModified()))
                b = bytes(types.Pong(0, 7))
                items = [(self.server_msg_id(True), 1, a), (self.server_msg_id(False), 3, b)]
                cont = struct.pack("<Ii", 0x73F1F8DC, len(items)) + b"".join(
                    struct.pack("<qii", m, s, len(x)) + x for m, s, x in items)
                self.send(session_id, cont, False)
            else:
                self.send(session_id, rpc(bytes(types.help.CountriesListNotModified())))
        else:
            self.send(session_id, rpc(bytes(types.RpcError(400, "NOT_IMPLEMENTED_" + name.upper()))))

    async def run(self):
        await self.f.start()
        emit(event="transport", kind=self.f.kind)
        while True:
            payload = await self.f.read()
            if payload[:8] == bytes(8):
                self.on_plain(payload[20:20 + struct.unpack("<i", payload[16:20])[0]])
            else:
                self.on_encrypted(payload)
            await self.f.writer.drain()


async def handle(reader, writer):
    try:
        await Connection(Framing(reader, writer)).run()
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    except Exception as ex:
        emit(event="error", message="%s: %s" % (type(ex).__name__, ex))
    finally:
        writer.close()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    emit(port=server.sockets[0].getsockname()[1], pem=PUB.save_pkcs1().decode())
    async with server:
        await server.serve_forever()


asyncio.run(main())
