-- When each queued message expires, so that a message sent or served after it expires (or signed by a key past its
-- grace) is re-issued first: fresh times, the active key, the same message id, and an audit record of the new digest.
-- Existing rows take it from the signed payload itself.
alter table federation_outbox add column expires_at timestamptz;

update federation_outbox
set expires_at = (convert_from(decode(rpad(translate(split_part(jws, '.', 2), '-_', '+/'),
                                           (length(split_part(jws, '.', 2)) + 3) / 4 * 4, '='), 'base64'),
                               'UTF8')::jsonb ->> 'expiresAt')::timestamptz;

alter table federation_outbox alter column expires_at set not null;
