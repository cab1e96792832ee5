#!/usr/bin/env python3
"""Writes a synthetic Telegram Desktop single-chat export (result.json) with N messages, streaming to disk.

The mix resembles a busy public channel: mostly plain text, some formatted text (the mixed-array form with
text_entities), replies, edits, forwards, service messages, photos whose files were not exported (placeholders),
polls and reactions. Deterministic for a given N. Usage: generate_export.py N OUTPUT_FOLDER
"""
import json
import os
import sys

WORDS = ("archive telegram channel message spectra aurora import export sqlite stream memory search index "
         "photo video poll reaction forward reply edit service member title group update release notes").split()


def message(i):
    unix = 1_600_000_000 + i * 17
    words = " ".join(WORDS[(i * 7 + k) % len(WORDS)] for k in range(8 + i % 17))
    m = {"id": i, "type": "message", "date": "2020-09-13T12:26:40", "date_unixtime": str(unix),
         "from": f"User {i % 997}", "from_id": f"user{100000 + i % 997}"}
    kind = i % 20
    if kind == 0:
        m = {"id": i, "type": "service", "date": m["date"], "date_unixtime": str(unix), "actor": "Admin",
             "actor_id": "user100001", "action": "pin_message", "message_id": max(1, i - 3), "text": "",
             "text_entities": []}
        return m
    if kind in (1, 2, 3):
        parts = [f"{words} ", {"type": "bold", "text": "important"}, " see ",
                 {"type": "text_link", "text": "link", "href": f"https://example.org/{i}"}]
        m["text"] = parts
        m["text_entities"] = [{"type": "plain", "text": parts[0]}, parts[1], {"type": "plain", "text": " see "}, parts[3]]
        return m
    if kind == 4:
        m["reply_to_message_id"] = max(1, i - 1)
    if kind == 5:
        m["edited"] = "2020-09-14T00:00:00"
        m["edited_unixtime"] = str(unix + 3600)
    if kind == 6:
        m["forwarded_from"] = "Other Channel"
    if kind == 7:
        m["photo"] = "(File not included. Change data exporting settings to download.)"
        m["width"] = 1280
        m["height"] = 720
    if kind == 8:
        m["poll"] = {"question": f"Question {i}?", "closed": False, "total_voters": i % 100,
                     "answers": [{"text": "yes", "voters": i % 60, "chosen": False},
                                 {"text": "no", "voters": i % 40, "chosen": False}]}
    if kind == 9:
        m["reactions"] = [{"type": "emoji", "count": i % 50 + 1, "emoji": "\u2764"}]
    m["text"] = f"{words} #{i}"
    m["text_entities"] = [{"type": "plain", "text": m["text"]}]
    return m


def main():
    count = int(sys.argv[1])
    folder = sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, "result.json")
    with open(path, "w", encoding="utf-8") as out:
        out.write('{\n "name": "Bench Channel",\n "type": "public_channel",\n "id": 777000111,\n "messages": [\n')
        for i in range(1, count + 1):
            out.write("  ")
            out.write(json.dumps(message(i), ensure_ascii=False))
            out.write(",\n" if i < count else "\n")
        out.write(" ]\n}\n")
    print(f"{path}: {count} messages, {os.path.getsize(path) / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
