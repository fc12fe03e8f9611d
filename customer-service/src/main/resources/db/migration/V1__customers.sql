-- Accounts of shoppers and staff. The e-mail is unique regardless of case: the unique index on
-- lower(email) is what decides a registration race, on the primary, across all replicas.
CREATE TABLE customer (
    id            uuid         PRIMARY KEY,
    email         varchar(254) NOT NULL,
    name          varchar(100) NOT NULL,
    password_hash varchar(100) NOT NULL,
    role          varchar(16)  NOT NULL CHECK (role IN ('customer', 'staff')),
    created_at    timestamptz  NOT NULL,
    updated_at    timestamptz  NOT NULL,
    version       bigint       NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX customer_email_key ON customer (lower(email));

CREATE TABLE customer_address (
    customer_id uuid         NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    position    int          NOT NULL,
    label       varchar(50),
    line1       varchar(200) NOT NULL,
    line2       varchar(200),
    postal_code varchar(20)  NOT NULL,
    city        varchar(100) NOT NULL,
    country     char(2)      NOT NULL,
    PRIMARY KEY (customer_id, position)
);
