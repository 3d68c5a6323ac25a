package org.skytools.londiste.table;

import java.util.ArrayList;
import java.util.List;

/**
 * The switches of {@code add-table} (cli.md §2.5), one field each.
 *
 * @param all add every table that is not local yet (with no names given)
 * @param expectSync mark the tables in sync, no copy
 * @param skipTruncate copy without truncating the local table first
 * @param create create missing local tables with columns and primary key
 * @param createFull create missing local tables with everything but sequences
 * @param triggerFlags {@code --trigger-flags}, or null
 * @param triggerArgs {@code --trigger-arg} values
 * @param noTriggers no capture/deny triggers
 * @param handler handler name, or null for the default
 * @param handlerArgs {@code --handler-arg} values as {@code key=value}
 * @param copyNode {@code --copy-node}, or null
 * @param findCopyNode {@code --find-copy-node}
 * @param mergeAll {@code --merge-all}
 * @param noMerge {@code --no-merge}
 * @param maxParallelCopy {@code --max-parallel-copy}, or null
 * @param destTable {@code --dest-table}, or null
 * @param skipNonExisting skip (with a warning) tables not local on the provider
 * @param force add names that are not available and tables whose columns differ
 */
public record AddTableOptions(
        boolean all,
        boolean expectSync,
        boolean skipTruncate,
        boolean create,
        boolean createFull,
        String triggerFlags,
        List<String> triggerArgs,
        boolean noTriggers,
        String handler,
        List<String> handlerArgs,
        String copyNode,
        boolean findCopyNode,
        boolean mergeAll,
        boolean noMerge,
        Integer maxParallelCopy,
        String destTable,
        boolean skipNonExisting,
        boolean force) {

    public AddTableOptions {
        triggerArgs = List.copyOf(triggerArgs);
        handlerArgs = List.copyOf(handlerArgs);
    }

    /** No switch given. */
    public static AddTableOptions defaults() {
        return builder().build();
    }

    /** A builder starting from no switch given. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds options switch by switch. */
    public static final class Builder {
        private boolean all;
        private boolean expectSync;
        private boolean skipTruncate;
        private boolean create;
        private boolean createFull;
        private String triggerFlags;
        private final List<String> triggerArgs = new ArrayList<>();
        private boolean noTriggers;
        private String handler;
        private final List<String> handlerArgs = new ArrayList<>();
        private String copyNode;
        private boolean findCopyNode;
        private boolean mergeAll;
        private boolean noMerge;
        private Integer maxParallelCopy;
        private String destTable;
        private boolean skipNonExisting;
        private boolean force;

        public Builder all(boolean v) {
            all = v;
            return this;
        }

        public Builder expectSync(boolean v) {
            expectSync = v;
            return this;
        }

        public Builder skipTruncate(boolean v) {
            skipTruncate = v;
            return this;
        }

        public Builder create(boolean v) {
            create = v;
            return this;
        }

        public Builder createFull(boolean v) {
            createFull = v;
            return this;
        }

        public Builder triggerFlags(String v) {
            triggerFlags = v;
            return this;
        }

        public Builder triggerArg(String v) {
            triggerArgs.add(v);
            return this;
        }

        public Builder noTriggers(boolean v) {
            noTriggers = v;
            return this;
        }

        public Builder handler(String v) {
            handler = v;
            return this;
        }

        public Builder handlerArg(String v) {
            handlerArgs.add(v);
            return this;
        }

        public Builder copyNode(String v) {
            copyNode = v;
            return this;
        }

        public Builder findCopyNode(boolean v) {
            findCopyNode = v;
            return this;
        }

        public Builder mergeAll(boolean v) {
            mergeAll = v;
            return this;
        }

        public Builder noMerge(boolean v) {
            noMerge = v;
            return this;
        }

        public Builder maxParallelCopy(Integer v) {
            maxParallelCopy = v;
            return this;
        }

        public Builder destTable(String v) {
            destTable = v;
            return this;
        }

        public Builder skipNonExisting(boolean v) {
            skipNonExisting = v;
            return this;
        }

        public Builder force(boolean v) {
            force = v;
            return this;
        }

        public AddTableOptions build() {
            return new AddTableOptions(
                    all,
                    expectSync,
                    skipTruncate,
                    create,
                    createFull,
                    triggerFlags,
                    triggerArgs,
                    noTriggers,
                    handler,
                    handlerArgs,
                    copyNode,
                    findCopyNode,
                    mergeAll,
                    noMerge,
                    maxParallelCopy,
                    destTable,
                    skipNonExisting,
                    force);
        }
    }
}
