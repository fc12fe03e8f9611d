-- One row per order placed at checkout; order_id (from the OrderPlaced event) makes storing idempotent.
create table orders (
    order_id           uuid primary key,
    cart_id            text           not null,
    customer_id        uuid           not null,
    email              text           not null,
    total              numeric        not null,
    currency           char(3)        not null,
    catalog_generation bigint         not null,
    placed_at          timestamptz    not null,
    status             varchar(16)    not null check (status in ('PLACED', 'FULFILLED', 'CANCELLED')),
    status_changed_at  timestamptz    not null,
    status_changed_by  text           not null,
    received_at        timestamptz    not null default now()
);
create index orders_placed_at on orders (placed_at desc);
create index orders_customer on orders (customer_id, placed_at desc);
create index orders_email on orders (lower(email));
create index orders_status on orders (status, placed_at desc);

create table order_lines (
    order_id   uuid           not null references orders (order_id) on delete cascade,
    line_no    int            not null,
    sku        text           not null,
    name       text           not null,
    unit_price numeric        not null,
    quantity   int            not null check (quantity > 0),
    primary key (order_id, line_no)
);
create index order_lines_sku on order_lines (sku);

-- Who moved an order into which status and when (the first row: PLACED at checkout).
create table order_status_history (
    id         bigserial primary key,
    order_id   uuid        not null references orders (order_id) on delete cascade,
    status     varchar(16) not null,
    changed_at timestamptz not null,
    changed_by text        not null
);
create index order_status_history_order on order_status_history (order_id, id);
