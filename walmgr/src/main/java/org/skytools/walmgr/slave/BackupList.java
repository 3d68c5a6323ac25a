package org.skytools.walmgr.slave;

import java.nio.file.Path;
import java.util.List;
import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.pg.BackupLabel;

/** {@code listbackups} on the slave: the backup sets with start time, label and first WAL. */
public final class BackupList {
    private final WalmgrContext ctx;

    public BackupList(WalmgrContext ctx) {
        this.ctx = ctx;
    }

    public void print() {
        List<Path> sets = new SlaveNode(ctx).backupSets();
        if (sets.isEmpty()) {
            ctx.out().println("\nNo backups found.\n");
            return;
        }
        ctx.out().println("\nList of backups:\n");
        ctx.out().printf("%-15s %-24s %-11s %-24s%n", "Backup set", "Timestamp", "Label", "First WAL");
        ctx.out().printf("%s %s %s %s%n", "-".repeat(15), "-".repeat(24), "-".repeat(11), "-".repeat(24));
        for (Path set : sets) {
            BackupLabel l = BackupLabel.read(set).orElse(new BackupLabel(null, null, null));
            ctx.out()
                    .printf(
                            "%-15s %-24.24s %-11.11s %-24s%n",
                            set.getFileName(),
                            String.valueOf(l.startTime()),
                            String.valueOf(l.label()),
                            String.valueOf(l.firstWal()));
        }
        ctx.out().println();
    }
}
