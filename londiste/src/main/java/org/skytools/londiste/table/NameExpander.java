package org.skytools.londiste.table;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.skytools.common.error.SkyToolsException;

/**
 * Turns command-line table or sequence names into the list to act on, as SkyTools'
 * {@code expand_arg_list}: names become {@code schema.name} ({@code public} by default), {@code *} and
 * {@code ?} globs match the candidates, a name already in the other state is reported and skipped.
 */
public final class NameExpander {
    private NameExpander() {}

    /**
     * The expansion result.
     *
     * @param names names to act on, in argument order without repeats
     * @param alreadyDone names given explicitly that are already in the wanted state
     * @param unavailable names that are neither candidates nor done, accepted because of force or
     *     a handler without table
     */
    public record Expansion(List<String> names, List<String> alreadyDone, List<String> unavailable) {}

    /**
     * Expands {@code args} against {@code candidates} (what the command can act on) and {@code done}
     * (what is already in the wanted state).
     *
     * @param what {@code table} or {@code sequence}, for the message
     * @param allowUnavailable accept names that are neither (force, handlers that need no table)
     * @throws SkyToolsException USAGE naming every unavailable name when not allowed
     */
    public static Expansion expand(
            String what,
            Collection<String> args,
            Collection<String> candidates,
            Collection<String> done,
            boolean allowUnavailable) {
        Set<String> result = new LinkedHashSet<>();
        List<String> already = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        Set<String> candidateSet = new LinkedHashSet<>(candidates);
        Set<String> doneSet = new LinkedHashSet<>(done);
        for (String arg : args) {
            if (isPattern(arg)) {
                Pattern p = globPattern(arg.indexOf('.') < 0 ? "public." + arg : arg);
                for (String c : candidates) {
                    if (p.matcher(c).matches()) {
                        result.add(c);
                    }
                }
                continue;
            }
            String name = TableCatalog.fq(arg);
            if (result.contains(name)) {
                continue;
            }
            if (candidateSet.contains(name)) {
                result.add(name);
            } else if (doneSet.contains(name)) {
                already.add(name);
            } else {
                unavailable.add(name);
                result.add(name);
            }
        }
        if (!unavailable.isEmpty() && !allowUnavailable) {
            throw SkyToolsException.usage(what + (unavailable.size() > 1 ? "s " : " ") + quoteAll(unavailable)
                    + " not available on this node; see the \"missing\" command, or use --force");
        }
        return new Expansion(List.copyOf(result), List.copyOf(already), List.copyOf(unavailable));
    }

    static String quoteAll(Collection<String> names) {
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append('"').append(n).append('"');
        }
        return sb.toString();
    }

    /** Whether the argument is a glob ({@code *} or {@code ?}) rather than a name. */
    static boolean isPattern(String arg) {
        return arg.indexOf('*') >= 0 || arg.indexOf('?') >= 0;
    }

    // Same translation as SkyTools: '.' literal, '?' one character, '*' anything.
    public static Pattern globPattern(String glob) {
        StringBuilder sb = new StringBuilder();
        for (char ch : glob.toCharArray()) {
            switch (ch) {
                case '*' -> sb.append(".*");
                case '?' -> sb.append('.');
                default -> sb.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(sb.toString());
    }
}
