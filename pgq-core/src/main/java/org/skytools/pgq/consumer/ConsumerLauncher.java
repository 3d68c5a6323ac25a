package org.skytools.pgq.consumer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.skytools.common.cli.ScriptDefinition;
import org.skytools.common.cli.ScriptLauncher;
import org.skytools.common.cli.ScriptOptions;
import org.skytools.common.config.SkyConfig;
import org.skytools.common.daemon.Script;
import org.skytools.common.daemon.Stats;
import org.skytools.common.error.SkyToolsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a consumer tool: the work loop, or one of the one-shot commands {@code --register},
 * {@code --unregister}, {@code --rewind} and {@code --reset}, which load the config and log like
 * the loop but take no pidfile, so they can run beside the daemon.
 */
public final class ConsumerLauncher {
    private static final Logger log = LoggerFactory.getLogger(ConsumerLauncher.class);

    private enum Action {
        REGISTER,
        UNREGISTER,
        REWIND,
        RESET
    }

    private final ScriptDefinition definition;

    /** A launcher for the tool described by {@code definition}. */
    public ConsumerLauncher(ScriptDefinition definition) {
        this.definition = definition;
    }

    /** Runs the tool; {@code tracking} is null for tools without {@code --rewind}/{@code --reset}. */
    public int run(
            ScriptOptions options,
            ConsumerOptions consumer,
            TrackingOptions tracking,
            Path config,
            ConsumerScript.Factory factory) {
        List<Action> actions = new ArrayList<>();
        if (consumer.register) {
            actions.add(Action.REGISTER);
        }
        if (consumer.unregister) {
            actions.add(Action.UNREGISTER);
        }
        if (tracking != null && tracking.rewind) {
            actions.add(Action.REWIND);
        }
        if (tracking != null && tracking.reset) {
            actions.add(Action.RESET);
        }
        if (actions.size() > 1) {
            throw SkyToolsException.usage("give only one of --register, --unregister, --rewind and --reset");
        }
        if (actions.isEmpty()) {
            return new ScriptLauncher(definition).run(options, config, cf -> new ConsumerScript(cf, factory));
        }
        Action action = actions.get(0);
        return new ScriptLauncher(definition.runningOnce().withoutPidfile())
                .run(options, config, cf -> new OneShot(new ConsumerScript(cf, factory), action));
    }

    /** Runs one command instead of the loop. */
    private static final class OneShot implements Script {
        private final ConsumerScript script;
        private final Action action;

        OneShot(ConsumerScript script, Action action) {
            this.script = script;
            this.action = action;
        }

        @Override
        public boolean work(Stats stats) throws Exception {
            QueueConsumer c = script.consumer();
            switch (action) {
                case REGISTER -> log.info(
                        c.register() == 1 ? "consumer registered" : "consumer was registered already");
                case UNREGISTER -> log.info(
                        c.unregister() > 0 ? "consumer unregistered" : "consumer was not registered");
                case REWIND -> tracking(c).rewind();
                case RESET -> tracking(c).reset();
            }
            return false;
        }

        private static TrackingConsumer tracking(QueueConsumer c) {
            if (c instanceof TrackingConsumer t) {
                return t;
            }
            throw SkyToolsException.usage(
                    "this consumer does not track its position: --rewind and --reset do not apply");
        }

        @Override
        public void reload(SkyConfig config) throws Exception {
            script.reload(config);
        }

        @Override
        public void reset() {
            script.reset();
        }

        @Override
        public void close() {
            script.close();
        }
    }
}
