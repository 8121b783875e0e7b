package dev.protostar.infra.services;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The credentials {@code infra/bin/services} generated for the local PostgreSQL, Redis and S3 server
 * ({@code var/services.env}, mode 0600), for the tools and integration tests of a local run. As in the script, a
 * value in the environment wins. The applications themselves never read the file: their launcher passes the values.
 */
public final class LocalServiceCredentials {

    private LocalServiceCredentials() {}

    /** The value of {@code name} (e.g. {@code PROTOSTAR_REDIS_PASSWORD}); fails if neither source has it. */
    public static String get(String name) {
        String fromEnvironment = System.getenv(name);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        Path file = varDirectory().resolve("services.env");
        return fromFile(file, name)
                .orElseThrow(() -> new IllegalStateException(
                        name + " is neither in the environment nor in " + file + ": run infra/bin/services up"));
    }

    private static Optional<String> fromFile(Path file, String name) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Files.readAllLines(file).stream()
                    .filter(line -> line.startsWith(name + "="))
                    .map(line -> line.substring(name.length() + 1))
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code $PROTOSTAR_VAR}, else the {@code var} beside the {@code infra/bin/services} above the working directory. */
    private static Path varDirectory() {
        String var = System.getenv("PROTOSTAR_VAR");
        if (var != null && !var.isBlank()) {
            return Path.of(var);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("infra/bin/services"))) {
                return dir.resolve("var");
            }
        }
        return Path.of("var").toAbsolutePath();
    }
}
