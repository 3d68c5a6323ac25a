package org.skytools.londiste.cli;

import org.skytools.common.error.SkyToolsException;

/** Which code runs each admin command. */
final class AdminCommands {
    private AdminCommands() {}

    static AdminAction action(CommandCatalog command) {
        return switch (command) {
            case EXECUTE -> new ExecuteAction();
            default -> throw SkyToolsException.usage("command " + command.command() + " is not available yet");
        };
    }
}
