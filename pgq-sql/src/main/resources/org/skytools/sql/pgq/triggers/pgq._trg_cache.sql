-- Type: pgq._trg_cache
--
--      Session cache entry of a capture trigger (see pgq._trg_entry and
--      pgq._trg_build).  The triggers read it from a custom setting as the
--      text of this type: its fields are cheap to use in PL/pgSQL, and the
--      text form quotes whatever a name holds.
--
--      stamp       validity stamp, see pgq._trg_entry
--      tgname      trigger name
--      ident       trigger kind and arguments
--      sig         table structure signature (pgq._trg_relsig), when the
--                  stamp needs it
--      queue       queue name
--      flags       S skip, B backup, D deny, I ignore list, M magic columns,
--                  T date and time columns, X expressions, J every column
--                  prints in JSON as to_json() of the row prints it, F the
--                  trigger builds its events itself (no S, D, I, M, B or X,
--                  and for jsontriga J)
--      tbl         schema.table
--      pkey        primary key columns, comma separated
--      js_tail     end of the JSON ev_type: table and primary key
--      ncols       number of live columns
--      key1        position of the key column (1-based) when the key has
--                  exactly one column, else 0
--      firstkey    position of the first key column, 0 when none
--      exprs       SQL for the ev_type, ev_data, ev_extra1..4 and when
--                  arguments, NULL when not given
--      template    format() template of the urlencoded row, name=%<j+1>$s
--                  joined by '&'
--      json_nums   regular expression for the numbers in to_json() of the row
--                  that jsontriga prints as strings: the key in group 1 and
--                  the number in group 2; empty when there are none
--      cols        7 items per live column j, from 7 * j - 6 on: flags (k
--                  key, i ignored, m magic and field number or ?), name,
--                  urlencoded name, quoted identifier, JSON name, JSON kind
--                  (b bool, n integer, t date/time, o other), comparison
--                  mode (see pgq._trg_eq)
create type pgq._trg_cache as (
    stamp       text,
    tgname      text,
    ident       text,
    sig         text,
    queue       text,
    flags       text,
    tbl         text,
    pkey        text,
    js_tail     text,
    ncols       int4,
    key1        int4,
    firstkey    int4,
    exprs       text[],
    template    text,
    json_nums   text,
    cols        text[]
);

-- Type: pgq._trg_hot
--
--      The part of a cache entry that the triggers read on every firing:
--      fields of pgq._trg_cache, and in fmt the urlencoding template for
--      logutriga, the end of the JSON ev_type for jsontriga, in nums
--      json_nums for jsontriga.
create type pgq._trg_hot as (
    stamp       text,
    tgname      text,
    queue       text,
    tbl         text,
    pkey        text,
    ncols       int4,
    key1        int4,
    fmt         text,
    nums        text
);
