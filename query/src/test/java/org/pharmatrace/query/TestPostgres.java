package org.pharmatrace.query;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real, throwaway PostgreSQL cluster for the test JVM, started with the project's own {@code stack/postgres.sh}
 * under {@code target/} on a free port of 127.0.0.1 and stopped when the JVM exits. If it cannot start, the tests
 * that need it fail: nothing is skipped.
 */
public final class TestPostgres {

    private static TestPostgres instance;

    private final Path script;
    private final Path data;
    private final int port;

    private TestPostgres(Path script, Path data, int port) {
        this.script = script;
        this.data = data;
        this.port = port;
    }

    /** The cluster of this JVM, started on first use. */
    public static synchronized TestPostgres get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static TestPostgres start() {
        String scriptProperty = System.getProperty("postgres.script");
        Path script = scriptProperty != null ? Paths.get(scriptProperty) : Paths.get("../stack/postgres.sh").toAbsolutePath().normalize();
        if (!Files.isExecutable(script)) {
            throw new IllegalStateException("stack/postgres.sh not found at " + script + " (-Dpostgres.script)");
        }
        Path data = Paths.get("target", "postgres-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
        int port = freePort();
        TestPostgres pg = new TestPostgres(script, data, port);
        pg.run("start");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                pg.run("stop");
                deleteRecursively(data);
            } catch (RuntimeException e) {
                System.err.println("TestPostgres: " + e.getMessage());
            }
        }, "test-postgres-stop"));
        return pg;
    }

    private void run(String command) {
        ProcessBuilder pb = new ProcessBuilder(script.toString(), command).redirectErrorStream(true);
        pb.environment().put("PG_DATA", data.toString());
        pb.environment().put("PG_PORT", Integer.toString(port));
        pb.environment().put("PG_FAST", "1");
        try {
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("stack/postgres.sh " + command + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return port;
    }

    /** A new, empty database owned by the hub role; its JDBC URL. */
    public String newDatabase(String prefix) {
        String name = (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10)).toLowerCase();
        try (Connection c = DriverManager.getConnection(adminUrl("postgres"), "postgres", null);
             Statement s = c.createStatement()) {
            s.execute("create database " + name + " owner hub");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return url(name);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private String adminUrl(String database) {
        return url(database);
    }

    /** A superuser connection to a database (for tests that tamper with what the hub may not change). */
    public Connection superuser(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", null);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            List<Path> all = new ArrayList<>(paths.toList());
            java.util.Collections.reverse(all);
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(Paths.get(root + ".initdb.log"));
        } catch (IOException e) {
            // a leftover directory under target/ is harmless
        }
    }
}
