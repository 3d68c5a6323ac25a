package org.skytools.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class real PostgreSQL: a cluster shared by the whole JVM (one per distinct
 * settings and major), a fresh database per test method ({@link TestDatabase} parameter), and
 * with {@link #clusters()} more than 1, extra clusters for the class ({@link ClusterGroup}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag("pg")
@ExtendWith(PgTestExtension.class)
public @interface PgTest {
    /** Test databases are cloned from a template prepared once by this class. */
    Class<? extends DatabaseTemplate> template() default DatabaseTemplate.None.class;

    /** Extra {@code postgresql.conf} settings, as {@code key=value}. */
    String[] settings() default {};

    /** How many clusters the class needs; the first is the shared one. */
    int clusters() default 1;

    /**
     * The PostgreSQL major to run; 0 means the system property {@code skytools.test.pgmajor} or,
     * without it, the default binaries.
     */
    int major() default 0;
}
