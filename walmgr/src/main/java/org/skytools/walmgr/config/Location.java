package org.skytools.walmgr.config;

import java.nio.file.Path;

/**
 * A directory or file either on this host ({@code /path}) or on another one ({@code host:/path}),
 * in rsync's notation: a colon before the first slash makes the part before it a host name.
 */
public record Location(String host, String path) {

    public Location {
        host = host == null ? "" : host;
    }

    /** Parses rsync notation; {@code ~} at the start of a local path is the home directory. */
    public static Location parse(String value) {
        int colon = value.indexOf(':');
        int slash = value.indexOf('/');
        if (colon > 0 && (slash < 0 || colon < slash)) {
            return new Location(value.substring(0, colon), value.substring(colon + 1));
        }
        return new Location("", Paths.expandHome(value));
    }

    public static Location local(Path path) {
        return new Location("", path.toString());
    }

    public boolean isRemote() {
        return !host.isEmpty();
    }

    /** The local path; only for locations on this host. */
    public Path localPath() {
        if (isRemote()) {
            throw new IllegalStateException("location " + this + " is on another host");
        }
        return Path.of(path);
    }

    /** A file or directory inside this one, on the same host. */
    public Location resolve(String name) {
        String base = path.endsWith("/") ? path : path + "/";
        return new Location(host, base + name);
    }

    /** The rsync argument naming the directory itself ({@code withSlash} copies its contents). */
    public String rsyncArg(boolean withSlash) {
        String p = withSlash && !path.endsWith("/") ? path + "/" : path;
        return isRemote() ? host + ":" + p : p;
    }

    @Override
    public String toString() {
        return isRemote() ? host + ":" + path : path;
    }
}
