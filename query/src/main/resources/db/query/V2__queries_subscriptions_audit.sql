-- Named queries (EPCIS 2.0 REST: /queries) and their webhook subscriptions. A query belongs to whoever created it;
-- its results are always cut to what that caller may see.
create table named_query (
    name       text primary key,
    owner      text not null,            -- the HTTP Basic user that created it
    owner_role text not null,            -- PARTNER or REGULATOR
    definition jsonb not null,           -- the EPCIS query object as given
    created_at timestamptz not null default now()
);

create table query_subscription (
    id                  uuid primary key,
    query_name          text not null references named_query (name) on delete cascade,
    owner               text not null,
    owner_role          text not null,
    dest                text not null,
    signature_token     text,
    stream              boolean not null,
    schedule            jsonb,
    report_if_empty     boolean not null default false,
    initial_record_time timestamptz,
    created_at          timestamptz not null default now(),
    last_notified_at    timestamptz,
    -- Cursor: every event up to this index id has been looked at (and delivered when it matched). The hash names
    -- the event at that id, so that the cursor survives an index rebuild (ids change, hashes do not):
    -- last_event_id = -1 means "rebuilt: resume after the event with last_event_hash once it is indexed again".
    last_event_id       bigint not null default 0,
    last_event_hash     text collate "C",
    next_run_at         timestamptz,
    failures            integer not null default 0,
    last_error          text
);

-- Every regulator query, in an append-only log whose rows are chained: row_hash = SHA-256 over the previous row's
-- hash and this row's fields (see QueryAuditLog), so a changed or removed row breaks the chain from there on.
create table query_audit (
    seq        bigint primary key,
    at         timestamptz not null,
    caller     text not null,
    role       text not null,
    method     text not null,
    resource   text not null,
    parameters text not null,
    prev_hash  text not null,
    row_hash   text not null
);

create function query_audit_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'query_audit is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger query_audit_no_update_delete before update or delete on query_audit
    for each row execute function query_audit_refuse_change();
create trigger query_audit_no_truncate before truncate on query_audit
    for each statement execute function query_audit_refuse_change();
