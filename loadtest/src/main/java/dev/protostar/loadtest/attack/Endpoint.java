package dev.protostar.loadtest.attack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One row of the endpoint table in {@code docs/security.md}: which port, which call, which roles may make it
 * ({@code anyone}: no key needed). The suite reads the table the people read, so the two cannot drift.
 */
record Endpoint(String port, String method, String path, Set<String> roles) {

    static final Set<String> ROLES = Set.of("ADMIN", "RECRUITER", "OPS");
    private static final Pattern ROW =
            Pattern.compile("^\\| (\\w[\\w-]*) \\| `(GET|POST|DELETE|PUT) ([^` ]+)`[^|]*\\| ([^|]+) \\|$");

    boolean open() {
        return roles.isEmpty();
    }

    /** The path with no query. */
    String route() {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    boolean namesAResource() {
        return path.contains("{candidateId}") || path.contains("{sessionId}") || path.contains("{ingestionId}");
    }

    static List<Endpoint> read(Path securityMd) throws IOException {
        List<Endpoint> rows = new ArrayList<>();
        for (String line : Files.readAllLines(securityMd)) {
            Matcher row = ROW.matcher(line.strip());
            if (row.matches()) {
                String roles = row.group(4).strip();
                rows.add(new Endpoint(
                        row.group(1),
                        row.group(2),
                        row.group(3),
                        roles.equals("anyone") ? Set.of() : Set.of(roles.split(",\\s*"))));
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException("No endpoint rows in " + securityMd);
        }
        return rows;
    }
}
