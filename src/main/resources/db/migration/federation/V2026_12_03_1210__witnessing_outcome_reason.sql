-- What the last witnessing round found, as a message code, its English template and its arguments, so that each
-- reader reads it in their own language; outcome keeps the English text (rows from before keep only that).
alter table federation_peer_witnessing
    add column outcome_code text,
    add column outcome_template text,
    add column outcome_arguments text[];
