package org.skytools.walmgr.slave;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.config.SkyConfigs;

/** A slave config over a temporary directory, with its directories created. */
final class SlaveFixture {
    final Path root;
    final Path completed;
    final Path partial;
    final Path data;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final Map<String, String> values = new LinkedHashMap<>();

    SlaveFixture(Path root) throws Exception {
        this.root = root;
        this.completed = Files.createDirectories(root.resolve("walshipping/logs.complete"));
        this.partial = Files.createDirectories(root.resolve("walshipping/logs.partial"));
        this.data = root.resolve("data");
        values.put("walmgr_data", root.resolve("walshipping").toString());
        values.put("completed_wals", "%(walmgr_data)s/logs.complete");
        values.put("partial_wals", "%(walmgr_data)s/logs.partial");
        values.put("full_backup", "%(walmgr_data)s/data.master");
        values.put("slave_data", data.toString());
        values.put("slave_start_cmd", "true");
    }

    SlaveFixture with(String key, String value) {
        values.put(key, value);
        return this;
    }

    WalmgrContext context() throws Exception {
        StringBuilder sb = new StringBuilder("[walmgr]\n");
        values.forEach((k, v) -> sb.append(k).append(" = ").append(v).append('\n'));
        Path ini = root.resolve("slave.ini");
        Files.writeString(ini, sb.toString());
        return new WalmgrContext(
                SkyConfigs.load(ini, Map.of()),
                false,
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
    }

    String output() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
