package org.skytools.testkit;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * JUnit 5 side of {@link PgTest}. Shared clusters live in the root store, so one server serves
 * every test class of the JVM with the same settings; extra clusters and per-test databases live
 * in the class and method stores and go away with them. A failed test keeps its database and
 * prints the tail of the server log.
 */
public final class PgTestExtension implements BeforeAllCallback, ParameterResolver, AfterTestExecutionCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(PgTestExtension.class);
    private static final AtomicInteger DB_COUNTER = new AtomicInteger();
    private static final Object TEMPLATE_LOCK = new Object();

    @Override
    public void beforeAll(ExtensionContext context) {
        sharedCluster(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext pc, ExtensionContext ec) {
        Class<?> type = pc.getParameter().getType();
        return type == PgCluster.class || type == TestDatabase.class || type == ClusterGroup.class;
    }

    @Override
    public Object resolveParameter(ParameterContext pc, ExtensionContext ec) {
        Class<?> type = pc.getParameter().getType();
        if (type == PgCluster.class) {
            return sharedCluster(ec);
        }
        if (type == ClusterGroup.class) {
            return clusterGroup(ec);
        }
        if (type == TestDatabase.class) {
            return testDatabase(ec);
        }
        throw new ParameterResolutionException("unsupported parameter " + type);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        TestDatabase db = context.getStore(NS).get("db", TestDatabase.class);
        if (context.getExecutionException().isPresent()) {
            PgCluster cluster = sharedCluster(context);
            System.err.println("---- test " + context.getDisplayName() + " failed; database "
                    + (db == null ? "(none)" : db.name()) + " kept on " + cluster + "; server log tail:\n"
                    + PgCluster.tail(cluster.serverLog(), 60) + "\n----");
        } else if (db != null) {
            db.cluster().dropDatabase(db.name());
        }
    }

    private static PgTest annotation(ExtensionContext ec) {
        return AnnotationSupport.findAnnotation(ec.getRequiredTestClass(), PgTest.class)
                .orElseThrow(() -> new IllegalStateException("test class needs @PgTest"));
    }

    private static ClusterOptions options(PgTest a, String name) {
        Integer major = a.major() > 0 ? Integer.valueOf(a.major()) : configuredMajor();
        return ClusterOptions.named(name).withMajor(major).with(a.settings());
    }

    private static Integer configuredMajor() {
        String value = System.getProperty("skytools.test.pgmajor", "").trim();
        return value.isEmpty() ? null : Integer.valueOf(value);
    }

    static PgCluster sharedCluster(ExtensionContext ec) {
        PgTest a = annotation(ec);
        ClusterOptions opts = options(a, "shared");
        String key = "cluster:" + opts.major() + ":" + opts.settings();
        return ec.getRoot()
                .getStore(NS)
                .getOrComputeIfAbsent(key, k -> new ClusterResource(PgCluster.start(opts)), ClusterResource.class)
                .cluster();
    }

    private static ClusterGroup clusterGroup(ExtensionContext ec) {
        ExtensionContext classContext = classContext(ec);
        return classContext
                .getStore(NS)
                .getOrComputeIfAbsent("group", k -> new GroupResource(startGroup(classContext)), GroupResource.class)
                .group();
    }

    private static ClusterGroup startGroup(ExtensionContext classContext) {
        PgTest a = annotation(classContext);
        List<PgCluster> clusters = new ArrayList<>();
        clusters.add(sharedCluster(classContext));
        for (int i = 1; i < a.clusters(); i++) {
            clusters.add(PgCluster.start(
                    options(a, classContext.getRequiredTestClass().getSimpleName() + i)));
        }
        return new ClusterGroup(clusters);
    }

    private static ExtensionContext classContext(ExtensionContext ec) {
        ExtensionContext c = ec;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    private static TestDatabase testDatabase(ExtensionContext ec) {
        return ec.getStore(NS).getOrComputeIfAbsent("db", k -> createDatabase(ec), TestDatabase.class);
    }

    private static TestDatabase createDatabase(ExtensionContext ec) {
        PgCluster cluster = sharedCluster(ec);
        String template = templateDatabase(cluster, annotation(ec).template());
        String base = ec.getTestMethod()
                .map(Method::getName)
                .orElse(ec.getRequiredTestClass().getSimpleName());
        String name = ("t" + DB_COUNTER.incrementAndGet() + "_" + base).toLowerCase(Locale.ROOT);
        if (name.length() > 60) {
            name = name.substring(0, 60);
        }
        cluster.dropDatabase(name);
        cluster.createDatabase(name, template);
        return new TestDatabase(cluster, name);
    }

    /** Creates the template database of a template class once per cluster. */
    private static String templateDatabase(PgCluster cluster, Class<? extends DatabaseTemplate> type) {
        if (type == DatabaseTemplate.None.class) {
            return null;
        }
        String name = ("tpl_" + type.getSimpleName()).toLowerCase(Locale.ROOT);
        synchronized (TEMPLATE_LOCK) {
            String marker = cluster.port() + ":" + name;
            if (PREPARED.contains(marker)) {
                return name;
            }
            cluster.dropDatabase(name);
            cluster.createDatabase(name, null);
            try (Connection c = cluster.connect(name)) {
                type.getDeclaredConstructor().newInstance().populate(c);
            } catch (Exception e) {
                throw new IllegalStateException("cannot prepare template database " + name + ": " + e.getMessage(), e);
            }
            PREPARED.add(marker);
            return name;
        }
    }

    private static final List<String> PREPARED = new ArrayList<>();

    /** Stops a shared cluster when the JUnit root context closes. */
    @SuppressWarnings("deprecation")
    record ClusterResource(PgCluster cluster) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            cluster.close();
        }
    }

    /** Stops a class's extra clusters (not the shared one) when the class is done. */
    @SuppressWarnings("deprecation")
    record GroupResource(ClusterGroup group) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            group.clusters().stream().skip(1).forEach(PgCluster::close);
        }
    }

    static String describe(PgTest a) {
        return "PgTest(template=" + a.template().getSimpleName() + ", settings=" + Arrays.toString(a.settings())
                + ", clusters=" + a.clusters() + ")";
    }
}
