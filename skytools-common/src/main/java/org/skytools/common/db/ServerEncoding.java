package org.skytools.common.db;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;

/**
 * The character set of a database's text. The capture triggers urlencode the bytes of their
 * database's encoding, so a reader of their events decodes the escapes in that character set,
 * where the connection itself always speaks UTF-8.
 */
public final class ServerEncoding {
    // the server encodings of PostgreSQL but UTF8, SQL_ASCII and those Java has no charset for
    private static final Map<String, String> JAVA_NAMES = Map.ofEntries(
            Map.entry("LATIN1", "ISO-8859-1"),
            Map.entry("LATIN2", "ISO-8859-2"),
            Map.entry("LATIN3", "ISO-8859-3"),
            Map.entry("LATIN4", "ISO-8859-4"),
            Map.entry("LATIN5", "ISO-8859-9"),
            Map.entry("LATIN6", "ISO-8859-10"),
            Map.entry("LATIN7", "ISO-8859-13"),
            Map.entry("LATIN8", "ISO-8859-14"),
            Map.entry("LATIN9", "ISO-8859-15"),
            Map.entry("LATIN10", "ISO-8859-16"),
            Map.entry("ISO_8859_5", "ISO-8859-5"),
            Map.entry("ISO_8859_6", "ISO-8859-6"),
            Map.entry("ISO_8859_7", "ISO-8859-7"),
            Map.entry("ISO_8859_8", "ISO-8859-8"),
            Map.entry("WIN866", "IBM866"),
            Map.entry("WIN874", "x-windows-874"),
            Map.entry("WIN1250", "windows-1250"),
            Map.entry("WIN1251", "windows-1251"),
            Map.entry("WIN1252", "windows-1252"),
            Map.entry("WIN1253", "windows-1253"),
            Map.entry("WIN1254", "windows-1254"),
            Map.entry("WIN1255", "windows-1255"),
            Map.entry("WIN1256", "windows-1256"),
            Map.entry("WIN1257", "windows-1257"),
            Map.entry("WIN1258", "windows-1258"),
            Map.entry("KOI8R", "KOI8-R"),
            Map.entry("KOI8U", "KOI8-U"),
            Map.entry("EUC_JP", "EUC-JP"),
            Map.entry("EUC_CN", "GB2312"),
            Map.entry("EUC_KR", "EUC-KR"),
            Map.entry("EUC_TW", "x-EUC-TW"));

    private ServerEncoding() {}

    /** The character set of the database {@code c} is connected to ({@code server_encoding}). */
    public static Charset of(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("show server_encoding")) {
            return rs.next() ? charset(rs.getString(1)) : StandardCharsets.UTF_8;
        }
    }

    /**
     * The Java character set of a PostgreSQL encoding name. {@code SQL_ASCII} stores whatever bytes
     * it is given, most often UTF-8; an encoding Java does not know is read as UTF-8 too.
     */
    public static Charset charset(String pgEncoding) {
        String javaName = pgEncoding == null ? null : JAVA_NAMES.get(pgEncoding.toUpperCase(Locale.ROOT));
        if (javaName == null || !Charset.isSupported(javaName)) {
            return StandardCharsets.UTF_8;
        }
        return Charset.forName(javaName);
    }
}
