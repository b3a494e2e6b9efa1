-- E-mail intake. Every mail taken from the mailbox is recorded by its Message-ID (or 'sha256:' and the digest of the
-- raw message when it has none) in the same transaction as its incident, so a mail is never reported twice.
create table intake_mail (
    message_key  text primary key,
    incident_id  uuid,
    sender       text not null,
    received_at  timestamptz not null
);
create index intake_mail_incident on intake_mail (incident_id);

-- Files that came with a report: the bytes, the file name as sent, the type sniffed from the content (and the type
-- the sender declared), the size and the SHA-256 digest.
create table intake_attachment (
    id                    uuid primary key,
    incident_id           uuid not null,
    filename              text not null,
    content_type          text not null,
    declared_content_type text,
    size                  bigint not null,
    sha256                text not null,
    content               bytea not null,
    created_at            timestamptz not null
);
create index intake_attachment_incident on intake_attachment (incident_id);

-- Where each acknowledgement went: a mail from that address whose subject quotes the reference is a reply that joins
-- the report's conversation instead of opening another incident.
create table intake_acknowledgement (
    incident_id  uuid primary key,
    reference    text not null,
    address      text not null,
    reporter_id  uuid
);
create index intake_acknowledgement_reference on intake_acknowledgement (reference);
