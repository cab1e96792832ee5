# Telethon 1.25.1's own MTProto client (MTProtoSender: auth-key exchange with its legacy RSA padding, then an
# encrypted session) against a server under test. Run with /usr/bin/python3:
#   telethon_client_ping.py HOST PORT TRANSPORT   (server's PKCS#1 public key PEM on stdin)
# TRANSPORT: intermediate | abridged | obfuscated. Prints one JSON line: key id, and the pong's ping_id.
import asyncio
import collections
import json
import logging
import sys

from telethon.crypto import rsa
from telethon.network import MTProtoSender
from telethon.network.connection import ConnectionTcpAbridged, ConnectionTcpIntermediate, ConnectionTcpObfuscated
from telethon.tl import functions

CONNECTIONS = {"intermediate": ConnectionTcpIntermediate, "abridged": ConnectionTcpAbridged,
               "obfuscated": ConnectionTcpObfuscated}


async def main(host, port, transport):
    rsa.add_key(sys.stdin.read(), old=False)
    loggers = collections.defaultdict(lambda: logging.getLogger("telethon-oracle"))
    sender = MTProtoSender(None, loggers=loggers, retries=1, auto_reconnect=False, connect_timeout=10)
    await sender.connect(CONNECTIONS[transport](host, port, 2, loggers=loggers))
    pongs = [await asyncio.wait_for(sender.send(functions.PingRequest(ping_id=1000 + i)), 20) for i in range(3)]
    key_id = sender.auth_key.key_id
    await sender.disconnect()
    print(json.dumps({"key_id": key_id, "ping_ids": [p.ping_id for p in pongs]}))


asyncio.run(main(sys.argv[1], int(sys.argv[2]), sys.argv[3]))
