package org.skytools.common.config;

import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;

/**
 * A problem with one key of a config file: missing, of the wrong type, or failing validation.
 * {@link ConfigSchema} catches it to report every problem of a file at once.
 */
public final class ConfigValueException extends SkyToolsException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String section;
    private final String key;
    private final String detail;

    /**
     * Creates the exception; the message reads {@code <file>: [<section>] <detail>}, where the
     * detail names the key, e.g. {@code 'loop_delay' must be a number of seconds, got "fast"}.
     */
    public ConfigValueException(String file, String section, String key, String detail) {
        super(ErrorKind.CONFIG, file + ": [" + section + "] " + detail);
        this.file = file;
        this.section = section;
        this.key = key;
        this.detail = detail;
    }

    /** The config file as the user named it. */
    public String file() {
        return file;
    }

    /** The section the key was read from. */
    public String section() {
        return section;
    }

    /** The key the problem is about. */
    public String key() {
        return key;
    }

    /** The problem without the file and section prefix. */
    public String detail() {
        return detail;
    }
}
