package org.skytools.londiste.table;

import java.util.List;

/**
 * What add-table did.
 *
 * @param added tables now local on the node
 * @param alreadyAdded tables that were local already with the same attributes
 * @param skipped tables left out, each with the reason ({@code --skip-non-existing})
 * @param warnings notes for the operator (e.g. an AFTER trigger firing before londiste's)
 */
public record AddTableResult(
        List<String> added, List<String> alreadyAdded, List<String> skipped, List<String> warnings) {
    public AddTableResult {
        added = List.copyOf(added);
        alreadyAdded = List.copyOf(alreadyAdded);
        skipped = List.copyOf(skipped);
        warnings = List.copyOf(warnings);
    }
}
