-- Files attached to the steps of runs (PROC-3: "every step records who did it, when, with what note and attachments"):
-- the evidence of what was done, as it was when the step closed. A row and its bytes are written in one transaction,
-- and neither is ever changed or removed: a wrong file is superseded by another one with a note saying so.
create table isms_step_attachment (
    id            uuid primary key,
    step_id       uuid        not null references isms_run_step (id),
    run_id        uuid        not null references isms_procedure_run (id),
    file_name     text        not null,
    media_type    text        not null,
    sniffed_type  text        not null,
    size          bigint      not null check (size > 0),
    sha256        text        not null check (sha256 ~ '^[0-9a-f]{64}$'),
    description   text,
    attached_by   uuid        not null,
    attached_at   timestamptz not null
);
create index isms_step_attachment_step on isms_step_attachment (step_id, attached_at);
create index isms_step_attachment_run on isms_step_attachment (run_id);

create table isms_step_attachment_file (
    attachment_id  uuid primary key references isms_step_attachment (id),
    content        bytea not null
);

create function isms_step_attachment_unchanged() returns trigger language plpgsql as $$
begin
    raise exception 'the attachments of procedure steps are never changed or removed';
end
$$;
create trigger isms_step_attachment_append_only before update or delete on isms_step_attachment
    for each row execute function isms_step_attachment_unchanged();
create trigger isms_step_attachment_file_unchanged before update or delete on isms_step_attachment_file
    for each row execute function isms_step_attachment_unchanged();
