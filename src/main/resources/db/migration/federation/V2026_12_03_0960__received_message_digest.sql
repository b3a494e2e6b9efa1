-- A chain auditor asks a hop for the message it received by the SHA-256 of its JWS.
create index federation_received_message_sha256 on federation_received_message (sha256);
