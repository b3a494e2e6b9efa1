-- The secret of each user's calendar feed of deadlines (calendar apps cannot sign in, so the feed's address carries a
-- secret): stored as the SHA-256 of the secret and found by it, one per user, revoked by deleting it.
create table compliance_calendar_token (
    user_id   uuid primary key,
    digest    text        not null unique check (digest ~ '^[0-9a-f]{64}$'),
    issued_at timestamptz not null
);
