namespace Spectra.Core.Storage.Migrations;

/// <summary>
/// The first archive schema. Dates are Unix seconds (UTC); peer ids are marked ids (see PeerIds); JSON columns hold
/// JSON text checked with json_valid. Messages keep an integer rowid because the FTS5 index is an external-content
/// table over it; their identity is UNIQUE (peer_id, message_id).
/// </summary>
internal static class SchemaV1
{
    public static Migration Migration { get; } = new(1, "initial archive schema", Sql);

    private const string Sql = """
        CREATE TABLE schema_migrations (
            version     INTEGER PRIMARY KEY,
            name        TEXT NOT NULL,
            applied_at  INTEGER NOT NULL
        );

        CREATE TABLE accounts (
            account_id    INTEGER PRIMARY KEY,
            username      TEXT,
            display_name  TEXT,
            first_seen    INTEGER NOT NULL,
            updated_at    INTEGER NOT NULL
        );

        CREATE TABLE peers (
            peer_id      INTEGER PRIMARY KEY,
            type         TEXT NOT NULL CHECK (type IN ('user', 'bot', 'group', 'supergroup', 'channel')),
            telegram_id  INTEGER NOT NULL,
            username     TEXT,
            title        TEXT,
            about        TEXT,
            access_hash  INTEGER,
            is_forum     INTEGER NOT NULL DEFAULT 0 CHECK (is_forum IN (0, 1)),
            first_seen   INTEGER NOT NULL,
            updated_at   INTEGER NOT NULL
        );
        CREATE INDEX peers_username ON peers (username COLLATE NOCASE) WHERE username IS NOT NULL;
        CREATE INDEX peers_telegram_id ON peers (telegram_id);

        -- One row per observed state of a peer's public identity, starting with the first one.
        CREATE TABLE peer_history (
            id          INTEGER PRIMARY KEY,
            peer_id     INTEGER NOT NULL REFERENCES peers (peer_id) ON DELETE CASCADE,
            observed_at INTEGER NOT NULL,
            username    TEXT,
            title       TEXT
        );
        CREATE INDEX peer_history_peer ON peer_history (peer_id, observed_at);

        CREATE TABLE runs (
            run_id              INTEGER PRIMARY KEY,
            kind                TEXT NOT NULL CHECK (kind IN ('archive', 'import', 'optimize')),
            account_id          INTEGER REFERENCES accounts (account_id),
            started_at          INTEGER NOT NULL,
            ended_at            INTEGER,
            outcome             TEXT NOT NULL DEFAULT 'running'
                                CHECK (outcome IN ('running', 'succeeded', 'partial', 'failed', 'cancelled')),
            messages_inserted   INTEGER NOT NULL DEFAULT 0,
            messages_updated    INTEGER NOT NULL DEFAULT 0,
            messages_unchanged  INTEGER NOT NULL DEFAULT 0,
            errors              INTEGER NOT NULL DEFAULT 0,
            media_stored        INTEGER NOT NULL DEFAULT 0,
            detail              TEXT
        );

        CREATE TABLE messages (
            row_id              INTEGER PRIMARY KEY,
            peer_id             INTEGER NOT NULL REFERENCES peers (peer_id),
            message_id          INTEGER NOT NULL,
            kind                TEXT NOT NULL DEFAULT 'message' CHECK (kind IN ('message', 'service', 'unsupported')),
            date                INTEGER NOT NULL,
            edit_date           INTEGER,
            sender_id           INTEGER,
            sender_name         TEXT,
            post_author         TEXT,
            reply_to_message_id INTEGER,
            reply_to_peer_id    INTEGER,
            topic_id            INTEGER,
            fwd_from_id         INTEGER,
            fwd_from_name       TEXT,
            fwd_date            INTEGER,
            fwd_message_id      INTEGER,
            via_bot             TEXT,
            text                TEXT,
            entities_json       TEXT CHECK (entities_json IS NULL OR json_valid(entities_json)),
            views               INTEGER,
            forwards            INTEGER,
            grouped_id          INTEGER,
            service_action      TEXT,
            action_json         TEXT CHECK (action_json IS NULL OR json_valid(action_json)),
            extra_json          TEXT CHECK (extra_json IS NULL OR json_valid(extra_json)),
            raw                 BLOB,
            raw_layer           INTEGER,
            raw_format          TEXT,
            deleted             INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
            version             INTEGER NOT NULL DEFAULT 1,
            archived_at         INTEGER NOT NULL,
            UNIQUE (peer_id, message_id)
        );
        CREATE INDEX messages_peer_date ON messages (peer_id, date);
        CREATE INDEX messages_sender ON messages (sender_id) WHERE sender_id IS NOT NULL;

        -- Earlier states of edited messages; filled by a trigger so no writer can forget it.
        CREATE TABLE message_versions (
            id             INTEGER PRIMARY KEY,
            peer_id        INTEGER NOT NULL,
            message_id     INTEGER NOT NULL,
            version        INTEGER NOT NULL,
            edit_date      INTEGER,
            text           TEXT,
            entities_json  TEXT,
            extra_json     TEXT,
            raw            BLOB,
            raw_layer      INTEGER,
            replaced_at    INTEGER NOT NULL,
            FOREIGN KEY (peer_id, message_id) REFERENCES messages (peer_id, message_id) ON DELETE CASCADE
        );
        CREATE INDEX message_versions_message ON message_versions (peer_id, message_id, version);

        CREATE TRIGGER messages_keep_version BEFORE UPDATE ON messages
        WHEN old.text IS NOT new.text OR old.entities_json IS NOT new.entities_json
             OR old.edit_date IS NOT new.edit_date
        BEGIN
            INSERT INTO message_versions (peer_id, message_id, version, edit_date, text, entities_json, extra_json,
                                          raw, raw_layer, replaced_at)
            VALUES (old.peer_id, old.message_id, old.version, old.edit_date, old.text, old.entities_json,
                    old.extra_json, old.raw, old.raw_layer, CAST(strftime('%s', 'now') AS INTEGER));
        END;

        CREATE TABLE forum_topics (
            peer_id        INTEGER NOT NULL REFERENCES peers (peer_id) ON DELETE CASCADE,
            topic_id       INTEGER NOT NULL,
            title          TEXT NOT NULL,
            icon_emoji_id  INTEGER,
            created_date   INTEGER,
            closed         INTEGER NOT NULL DEFAULT 0,
            pinned         INTEGER NOT NULL DEFAULT 0,
            hidden         INTEGER NOT NULL DEFAULT 0,
            updated_at     INTEGER NOT NULL,
            PRIMARY KEY (peer_id, topic_id)
        );

        -- Content-addressed files: the hash is the identity and decides the path (<2 hex>/<sha256>).
        CREATE TABLE media (
            sha256       TEXT PRIMARY KEY CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
            size         INTEGER NOT NULL CHECK (size >= 0),
            mime         TEXT,
            stored_path  TEXT NOT NULL UNIQUE,
            stored_at    INTEGER NOT NULL
        );

        CREATE TABLE message_media (
            peer_id                INTEGER NOT NULL,
            message_id             INTEGER NOT NULL,
            ordinal                INTEGER NOT NULL,
            kind                   TEXT NOT NULL,
            sha256                 TEXT REFERENCES media (sha256),
            missing_reason         TEXT,
            original_name          TEXT,
            mime                   TEXT,
            size                   INTEGER,
            width                  INTEGER,
            height                 INTEGER,
            duration_seconds       INTEGER,
            telegram_file_id       INTEGER,
            telegram_access_hash   INTEGER,
            telegram_dc_id         INTEGER,
            extra_json             TEXT CHECK (extra_json IS NULL OR json_valid(extra_json)),
            PRIMARY KEY (peer_id, message_id, ordinal),
            FOREIGN KEY (peer_id, message_id) REFERENCES messages (peer_id, message_id) ON DELETE CASCADE
        );
        CREATE INDEX message_media_sha256 ON message_media (sha256) WHERE sha256 IS NOT NULL;

        CREATE TABLE sync_state (
            peer_id             INTEGER PRIMARY KEY REFERENCES peers (peer_id) ON DELETE CASCADE,
            account_id          INTEGER REFERENCES accounts (account_id),
            lowest_message_id   INTEGER,
            highest_message_id  INTEGER,
            last_run_id         INTEGER REFERENCES runs (run_id),
            last_synced_at      INTEGER NOT NULL,
            status              TEXT NOT NULL CHECK (status IN ('idle', 'running', 'complete', 'partial', 'failed'))
        );

        CREATE TABLE message_errors (
            id           INTEGER PRIMARY KEY,
            run_id       INTEGER REFERENCES runs (run_id),
            peer_id      INTEGER NOT NULL,
            message_id   INTEGER,
            error_id     TEXT NOT NULL,
            message      TEXT NOT NULL,
            occurred_at  INTEGER NOT NULL
        );
        CREATE INDEX message_errors_peer ON message_errors (peer_id, message_id);
        CREATE INDEX message_errors_run ON message_errors (run_id);

        -- Full-text index over message text; external content, kept in step by the triggers below.
        CREATE VIRTUAL TABLE messages_fts USING fts5 (
            text,
            content = 'messages',
            content_rowid = 'row_id',
            tokenize = 'unicode61 remove_diacritics 2'
        );

        -- Any writer that inserts a message gets it indexed by this trigger. The batch writer takes it out for the
        -- length of its own transaction (no other connection can see that) and indexes its new rows with one
        -- INSERT ... SELECT: an insert trigger, even one that does nothing, costs each row a statement journal and a
        -- trigger frame, and FTS5 flushes its pending terms at every statement savepoint.
        CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages WHEN new.text IS NOT NULL
        BEGIN
            INSERT INTO messages_fts (rowid, text) VALUES (new.row_id, new.text);
        END;

        CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages WHEN old.text IS NOT NULL
        BEGIN
            INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.row_id, old.text);
        END;

        CREATE TRIGGER messages_fts_update AFTER UPDATE OF text ON messages WHEN old.text IS NOT new.text
        BEGIN
            INSERT INTO messages_fts (messages_fts, rowid, text)
                SELECT 'delete', old.row_id, old.text WHERE old.text IS NOT NULL;
            INSERT INTO messages_fts (rowid, text)
                SELECT new.row_id, new.text WHERE new.text IS NOT NULL;
        END;
        """;
}
