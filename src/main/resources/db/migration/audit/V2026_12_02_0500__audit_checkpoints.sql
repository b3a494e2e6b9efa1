-- Audit: the Merkle tree over the records (RFC 6962; leaf i is the hash of record i + 1) and its signed checkpoints.
-- Appending a record does not touch these tables: the tree grows when a checkpoint is signed, from the records since
-- the last one.

-- The right edge of the tree at the last checkpoint: enough to grow it without rereading older records.
create table audit_tree (
    id        smallint primary key check (id = 1),
    size      bigint not null,   -- records 1 to size are leaves of the tree
    frontier  bytea not null,    -- the roots of the perfect subtrees covering the leaves, largest first, 32 bytes each
    last_hash text not null      -- the hash of record <size> (64 zeros for the empty tree), to which the next must chain
);
insert into audit_tree (id, size, frontier, last_hash) values (1, 0, '', repeat('0', 64));

-- The hashes of the perfect subtrees of 256 leaves and more, kept as the tree grows: inclusion and consistency
-- proofs read these and at most 256 record hashes instead of every record.
create table audit_tree_node (
    level integer not null,      -- log2 of the leaves below the node
    index bigint not null,       -- the node's place among the nodes of its level, from 0
    hash  bytea not null,
    primary key (level, index)
);

-- Every checkpoint signed, in the C2SP tlog-checkpoint format. Each node of a cluster also appends every one of them
-- to its own checkpoint log outside the database (cairn.audit.directory), which verification compares with.
create table audit_checkpoint (
    size         bigint primary key,
    root_hash    bytea not null,
    note         text not null,
    signed_at    timestamptz not null,
    published_at timestamptz     -- when cairn.audit.checkpoint-url accepted it
);
