package org.skytools.londiste.replay;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.skytools.common.db.Quoting;

/** Reads {@link DestTableInfo} for several tables in one catalog query. */
final class DestTableCatalog {
    // Types whose equal values always print the same text, so that text keys identify rows: int2,
    // int4, int8, oid, bool, text, varchar, name, uuid. Not numeric (scale), not bpchar (padding), not
    // date/time types (their text follows the writer's DateStyle and TimeZone).
    private static final Set<Integer> CANONICAL_TYPES = Set.of(21, 23, 20, 26, 16, 25, 1043, 19, 2950);

    // bit(n) and bit(n)[] keep their length in the cast (a bare "bit" means bit(1)); char(n) and
    // char(n)[] are cast to bpchar, whose values keep every character (format_type without a typmod
    // says "character", which is char(1) and cuts the value); other types are cast without typmod so
    // that the column's own typmod applies as it does to a literal.
    private static final String QUERY =
            """
            select x.name, c.relkind,
              (select array_agg(a.attname::text order by a.attnum) from pg_attribute a
                where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped),
              (select array_agg(case when a.atttypid in (1560, 1561) then format_type(a.atttypid, a.atttypmod)
                                     when a.atttypid = 1042 then 'bpchar'
                                     when a.atttypid = 1014 then 'bpchar[]'
                                     else format_type(a.atttypid, null) end order by a.attnum)
                 from pg_attribute a where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped),
              (select array_agg(a.attname::text order by a.attnum) from pg_attribute a
                where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated <> ''),
              (select array_agg(a.attname::text order by k.ord) from pg_index i
                 cross join lateral unnest(i.indkey::int2[]) with ordinality k(attnum, ord)
                 join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
                where i.indrelid = c.oid and i.indisprimary),
              (select array_agg(a.atttypid::int4 order by k.ord) from pg_index i
                 cross join lateral unnest(i.indkey::int2[]) with ordinality k(attnum, ord)
                 join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
                where i.indrelid = c.oid and i.indisprimary),
              exists (select 1 from pg_index i where i.indrelid = c.oid and i.indisunique and not i.indisprimary)
                or exists (select 1 from pg_constraint x where x.conrelid = c.oid and x.contype = 'x'),
              exists (select 1 from pg_constraint f where f.contype = 'f' and (f.conrelid = c.oid or f.confrelid = c.oid)),
              exists (select 1 from pg_trigger t where t.tgrelid = c.oid and not t.tgisinternal and t.tgenabled in ('A', 'R')),
              c.relhasrules
            from unnest(?::text[], ?::text[]) as x(name, quoted)
            join pg_class c on c.oid = to_regclass(x.quoted)
            """;

    private DestTableCatalog() {}

    /** Info for each named table that exists; missing tables are left out of the map. */
    static Map<String, DestTableInfo> load(Connection conn, Collection<String> names, ApplyCounters counters)
            throws SQLException {
        Map<String, DestTableInfo> out = new LinkedHashMap<>();
        if (names.isEmpty()) {
            return out;
        }
        List<String> quoted = new ArrayList<>();
        for (String n : names) {
            quoted.add(Quoting.quoteFqName(n));
        }
        try (PreparedStatement ps = conn.prepareStatement(QUERY)) {
            ps.setArray(1, conn.createArrayOf("text", names.toArray(new String[0])));
            ps.setArray(2, conn.createArrayOf("text", quoted.toArray(new String[0])));
            counters.roundTrip(1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    DestTableInfo info = read(rs);
                    out.put(info.name(), info);
                }
            }
        }
        return out;
    }

    private static DestTableInfo read(ResultSet rs) throws SQLException {
        List<String> cols = strings(rs.getArray(3));
        List<String> types = strings(rs.getArray(4));
        Map<String, String> colTypes = new LinkedHashMap<>();
        for (int i = 0; i < cols.size(); i++) {
            colTypes.put(cols.get(i), types.get(i));
        }
        boolean canonical = true;
        Array keyTypes = rs.getArray(7);
        if (keyTypes != null) {
            for (Object o : (Object[]) keyTypes.getArray()) {
                canonical &= CANONICAL_TYPES.contains(((Number) o).intValue());
            }
        }
        return new DestTableInfo(
                rs.getString(1),
                rs.getString(2).charAt(0),
                colTypes,
                strings(rs.getArray(6)),
                canonical,
                rs.getBoolean(8),
                rs.getBoolean(9),
                rs.getBoolean(10),
                rs.getBoolean(11),
                new HashSet<>(strings(rs.getArray(5))));
    }

    private static List<String> strings(Array a) throws SQLException {
        List<String> l = new ArrayList<>();
        if (a != null) {
            for (Object o : (Object[]) a.getArray()) {
                l.add((String) o);
            }
        }
        return l;
    }
}
