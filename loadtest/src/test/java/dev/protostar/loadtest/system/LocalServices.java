package dev.protostar.loadtest.system;

import dev.protostar.infra.services.LocalServiceCredentials;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * PostgreSQL (pgvector), Redis and the S3 server, started by the project's own script if they are not
 * running, with the credentials it generated. Each test stack gets a database of its own, made by the superuser
 * and owned by the applications' role (which may not make databases), so runs never see each other's rows.
 */
final class LocalServices {

    static final int PG_PORT = Integer.parseInt(System.getenv().getOrDefault("PROTOSTAR_PG_PORT", "15432"));
    static final int REDIS_PORT = Integer.parseInt(System.getenv().getOrDefault("PROTOSTAR_REDIS_PORT", "16379"));
    static final int S3_PORT = Integer.parseInt(System.getenv().getOrDefault("PROTOSTAR_S3_PORT", "19000"));
    /** The applications' role: owns its database, nothing more. */
    static final String PG_USER = "protostar";

    static final String S3_REGION = "us-east-1";

    private LocalServices() {}

    static synchronized void ensureRunning() throws IOException, InterruptedException {
        Path script = Path.of("..", "infra", "bin", "services").toAbsolutePath().normalize();
        if (run(script, "status") != 0 && run(script, "up") != 0) {
            throw new IllegalStateException(script + " up failed; see its output above");
        }
    }

    private static int run(Path script, String command) throws IOException, InterruptedException {
        return new ProcessBuilder(script.toString(), command)
                .inheritIO()
                .start()
                .waitFor();
    }

    /** A new empty database; the applications' migrations create the schema in it. */
    static String newDatabase() throws SQLException {
        String name =
                "protostar_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (var connection = DriverManager.getConnection(
                        jdbcUrl("postgres"), "postgres", credential("PROTOSTAR_PG_ADMIN_PASSWORD"));
                var statement = connection.createStatement()) {
            // from template1, where the services script put pgvector (the applications' role may not create it)
            statement.execute("CREATE DATABASE " + name + " OWNER " + PG_USER);
        }
        return jdbcUrl(name);
    }

    static String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + PG_PORT + "/" + database;
    }

    /** A generated credential ({@code PROTOSTAR_PG_PASSWORD}, {@code PROTOSTAR_S3_SECRET_KEY}, ...). */
    static String credential(String name) {
        return LocalServiceCredentials.get(name);
    }

    static String s3Endpoint() {
        return "http://127.0.0.1:" + S3_PORT;
    }
}
