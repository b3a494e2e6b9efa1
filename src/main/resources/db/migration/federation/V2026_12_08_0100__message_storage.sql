-- A signed message is about 8 KB of base64url, most of it an encrypted provenance entry: it does not compress, and
-- PostgreSQL tried to compress every one it stored (a received message, an outbox row) before storing it out of line
-- uncompressed. They are stored out of line as they are.
alter table federation_received_message alter column jws set storage external;
alter table federation_outbox alter column jws set storage external;
