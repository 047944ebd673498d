package dev.daena.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * Runs Neo4j community embedded, with Bolt only, for Daena development and tests.
 *
 * <p>Usage: {@code Neo4jLauncher <homeDir> [listenAddress]}. The listen address defaults to
 * {@code $NEO4J_BOLT_LISTEN_ADDRESS}, then {@code 127.0.0.1:7687}; port 0 picks a free port.
 * The APOC jars are read from {@code -Ddaena.neo4j.pluginDir} (default: {@code ../plugins} next to
 * the launcher's classes, i.e. {@code target/plugins}).
 *
 * <p>Protocol with the parent process: exactly one line on stdout, either {@code NEO4J_READY
 * bolt://host:port} once Bolt accepts connections, or nothing and an exit code &gt; 0 with a line
 * {@code NEO4J_ERROR <CODE> <message>} on stderr. The JVM stops on SIGTERM/SIGINT and when stdin
 * reaches EOF (the parent died), unless {@code -Ddaena.neo4j.exitOnStdinEof=false}.
 */
public final class Neo4jLauncher {
    static final int EXIT_USAGE = 64;
    static final int EXIT_START_FAILED = 1;
    static final int EXIT_PORT_IN_USE = 2;

    /** How long a stop request waits for a start in progress before shutting down anyway. */
    private static final long STARTUP_WAIT_ON_STOP_SECONDS = 120;

    private static volatile DatabaseManagementService service;
    private static volatile boolean stopping;
    private static final CountDownLatch startAttemptDone = new CountDownLatch(1);
    private static final CountDownLatch stopped = new CountDownLatch(1);

    private Neo4jLauncher() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 1 || args.length > 2 || args[0].isBlank()) {
            fail(EXIT_USAGE, "USAGE", "usage: Neo4jLauncher <homeDir> [listenAddress host:port]");
            return;
        }
        Path home = Path.of(args[0]).toAbsolutePath().normalize();
        String listen = args.length > 1 ? args[1] : envOr("NEO4J_BOLT_LISTEN_ADDRESS", "127.0.0.1:7687");
        SocketAddress address;
        Path pluginDir;
        try {
            address = parseAddress(listen);
            pluginDir = pluginDir();
            Files.createDirectories(home);
        } catch (IllegalArgumentException | IOException e) {
            fail(EXIT_USAGE, "BAD_ARGUMENT", e.getMessage());
            return;
        }

        Runtime.getRuntime().addShutdownHook(new Thread(Neo4jLauncher::stop, "neo4j-launcher-shutdown"));
        if (!"false".equals(System.getProperty("daena.neo4j.exitOnStdinEof"))) {
            watchStdin();
        }

        DatabaseManagementService dbms;
        try {
            dbms = builder(home, address, pluginDir).build();
        } catch (Throwable t) { // any start failure must end the process with a clear reason
            startAttemptDone.countDown();
            if (hasBindFailure(t)) {
                fail(EXIT_PORT_IN_USE, "PORT_IN_USE", "cannot listen on " + address + ": " + rootMessage(t));
            } else {
                fail(EXIT_START_FAILED, "START_FAILED", rootMessage(t));
            }
            return;
        }
        service = dbms;
        startAttemptDone.countDown();

        try {
            if (!stopping) {
                HostnamePort bound = boundBoltAddress(dbms);
                String host = address.isWildcard() ? "127.0.0.1" : address.getHostname();
                System.out.println("NEO4J_READY bolt://" + hostForUri(host) + ":" + bound.getPort());
                System.out.flush();
            }
        } catch (RuntimeException e) {
            if (!stopping) { // a stop that raced the start is not a failure
                fail(EXIT_START_FAILED, "START_FAILED", "Bolt port unknown: " + rootMessage(e));
            }
        }
        stopped.await(); // the shutdown hook releases it; Neo4j's own threads keep the JVM alive too
    }

    private static DatabaseManagementServiceBuilder builder(Path home, SocketAddress address, Path pluginDir) {
        return new DatabaseManagementServiceBuilder(home)
                .setUserLogProvider(new Log4jLogProvider(System.err, Level.INFO))
                .setConfig(BoltConnector.enabled, true) // embedded default is false
                .setConfig(BoltConnector.listen_address, address)
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false) // dev/test only
                .setConfig(GraphDatabaseSettings.pagecache_memory, 64L * 1024 * 1024)
                .setConfig(GraphDatabaseSettings.udc_enabled, false) // no outbound traffic
                .setConfig(GraphDatabaseSettings.plugin_dir, pluginDir)
                .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("apoc.*"))
                .setConfig(GraphDatabaseSettings.procedure_allowlist, List.of("apoc.*"))
                // Netty's default graceful shutdown (2 s quiet period, 15 s timeout) makes stop take ~12 s.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2));
    }

    /** Shutdown hook body: waits for a start in progress, then shuts the DBMS down once. */
    private static void stop() {
        stopping = true;
        try {
            startAttemptDone.await(STARTUP_WAIT_ON_STOP_SECONDS, TimeUnit.SECONDS);
            DatabaseManagementService s = service;
            service = null;
            if (s != null) {
                System.err.println("neo4j-launcher: shutting down");
                s.shutdown();
                System.err.println("neo4j-launcher: stopped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopped.countDown();
        }
    }

    /** The parent keeps our stdin open; EOF means it is gone, so we must not outlive it. */
    private static void watchStdin() {
        Thread watcher = new Thread(() -> {
            byte[] buffer = new byte[256];
            try (InputStream in = System.in) {
                while (in.read(buffer) >= 0) {
                    // discard input; only EOF matters
                }
            } catch (IOException ignored) {
                // a broken stdin means the parent is gone too
            }
            System.err.println("neo4j-launcher: stdin closed, exiting");
            System.exit(0);
        }, "neo4j-launcher-stdin-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static HostnamePort boundBoltAddress(DatabaseManagementService dbms) {
        GraphDatabaseAPI system = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        return system.getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);
    }

    private static SocketAddress parseAddress(String value) {
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new IllegalArgumentException("listen address must be host:port, got '" + value + "'");
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port in listen address '" + value + "'");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range in listen address '" + value + "'");
        }
        return new SocketAddress(host, port);
    }

    private static Path pluginDir() {
        String configured = System.getProperty("daena.neo4j.pluginDir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        try {
            Path classes = Path.of(Neo4jLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.resolveSibling("plugins").toAbsolutePath().normalize();
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            throw new IllegalArgumentException("cannot locate target/plugins; set -Ddaena.neo4j.pluginDir");
        }
    }

    private static boolean hasBindFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof BindException || c.getClass().getSimpleName().equals("PortBindException")) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable t) {
        StringBuilder message = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getMessage() != null && message.indexOf(c.getMessage()) < 0) {
                if (message.length() > 0) {
                    message.append(" <- ");
                }
                message.append(c.getMessage());
            }
        }
        return message.length() == 0 ? t.getClass().getName() : message.toString().replace('\n', ' ');
    }

    private static String hostForUri(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void fail(int exitCode, String code, String message) {
        System.err.println("NEO4J_ERROR " + code + " " + message);
        System.err.flush();
        // halt: skip the shutdown hook, which would wait for a start that never happened
        Runtime.getRuntime().halt(exitCode);
    }
}
