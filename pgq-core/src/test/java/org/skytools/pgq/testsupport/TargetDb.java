package org.skytools.pgq.testsupport;

import org.skytools.testkit.TestDatabase;

/** A second database beside a test's database, for consumers that apply batches elsewhere. */
public final class TargetDb {
    private TargetDb() {}

    /** Creates {@code <db>_dst} from the pgq template (so it has pgq_ext) with table {@code applied}. */
    public static TestDatabase create(TestDatabase db) {
        String name = db.name() + "_dst";
        db.cluster().dropDatabase(name);
        db.cluster()
                .createDatabase(name, "tpl_" + PgqTemplate.class.getSimpleName().toLowerCase());
        TestDatabase dst = new TestDatabase(db.cluster(), name);
        dst.execute("create table applied (ev_id bigint primary key, data text)");
        return dst;
    }
}
