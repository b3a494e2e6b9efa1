-- A chain auditor asks a hop for the records of one exchange message by the SHA-256 it carries as after-digest.
create index audit_record_after_digest on audit_record (after_digest) where after_digest is not null;
