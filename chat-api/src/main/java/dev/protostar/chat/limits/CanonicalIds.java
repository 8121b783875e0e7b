package dev.protostar.chat.limits;

import dev.protostar.chat.problem.ApiProblem;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Ids as this API hands them out — lower-case UUIDs, 8-4-4-4-12 — and nothing else. Other spellings are refused
 * (400), not canonicalised: {@link UUID#fromString} also takes upper case and "0-0-0-0-0", and an id is used as a
 * string too (SSE subscriptions, Redis and Kafka keys), where a second spelling of one session would be a second,
 * silent session. A client only ever has ids it received, so a refusal names a bug instead of hiding it.
 */
public final class CanonicalIds {

    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private CanonicalIds() {}

    public static boolean isCanonical(String id) {
        return id != null && CANONICAL.matcher(id).matches();
    }

    /** The id, or 400 naming {@code what} ('candidateId', the X-Protostar-Session header) unless it is canonical. */
    public static UUID parse(String what, String id) {
        if (!isCanonical(id)) {
            throw refused(what, id);
        }
        return UUID.fromString(id);
    }

    static ApiProblem refused(String what, String id) {
        return ApiProblem.badRequest(
                        what + " must be an id as this API returned it (a lower-case UUID), not '" + id + "'.")
                .with("field", what);
    }
}
