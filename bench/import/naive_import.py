#!/usr/bin/env python3
"""The baseline: a naive Telegram Desktop export importer, the way such scripts are usually written.

json.load of the whole result.json, then one sqlite3 executemany into a single table (id, date, sender, text,
raw JSON). No FTS, no indexes beyond the primary key, no media, no merge logic: it does far less than Spectra.
Usage: naive_import.py RESULT_JSON DATABASE
"""
import json
import sqlite3
import sys


def flatten(text):
    if isinstance(text, str):
        return text
    return "".join(part if isinstance(part, str) else part.get("text", "") for part in text)


def main():
    source, database = sys.argv[1], sys.argv[2]
    with open(source, encoding="utf-8") as f:
        data = json.load(f)
    chats = data["chats"]["list"] if "chats" in data else [data]
    con = sqlite3.connect(database)
    con.execute("CREATE TABLE IF NOT EXISTS messages (chat_id INTEGER, id INTEGER, date INTEGER, sender TEXT, "
                "text TEXT, raw TEXT, PRIMARY KEY (chat_id, id))")
    for chat in chats:
        rows = [(chat["id"], m["id"], int(m["date_unixtime"]), m.get("from"), flatten(m.get("text", "")),
                 json.dumps(m, ensure_ascii=False)) for m in chat["messages"]]
        con.executemany("INSERT OR REPLACE INTO messages VALUES (?, ?, ?, ?, ?, ?)", rows)
    con.commit()
    print(con.execute("SELECT count(*) FROM messages").fetchone()[0], "messages")
    con.close()


if __name__ == "__main__":
    main()
