-- Every record of the dead-letter topic (orders.placed.dlq), indexed as it arrives so that staff can
-- find, page and replay it. (dlq_topic, dlq_partition, dlq_offset) makes indexing idempotent.
create table dead_letters (
    id               bigserial   primary key,
    dlq_topic        text        not null,
    dlq_partition    int         not null,
    dlq_offset       bigint      not null,
    dead_lettered_at timestamptz not null,
    source_topic     text,
    source_partition int,
    source_offset    bigint,
    record_key       text,
    record_value     text,
    reason           text        not null,
    -- read leniently from the value when it could be read at all
    order_id         text,
    customer_id      text,
    email            text,
    status           varchar(16) not null check (status in ('OPEN', 'REPLAYED')),
    reason_changed_at timestamptz not null,
    unique (dlq_topic, dlq_partition, dlq_offset)
);
create index dead_letters_listing on dead_letters (dlq_topic, status, dead_lettered_at desc, id desc);
create index dead_letters_reason on dead_letters (dlq_topic, reason);

-- Who replayed which dead letter, when, and what came of it.
create table dead_letter_replays (
    id             bigserial   primary key,
    dead_letter_id bigint      not null references dead_letters (id) on delete cascade,
    replayed_at    timestamptz not null,
    replayed_by    text        not null,
    outcome        varchar(16) not null check (outcome in ('STORED', 'ALREADY_STORED', 'FAILED')),
    reason         text
);
create index dead_letter_replays_letter on dead_letter_replays (dead_letter_id, id);
