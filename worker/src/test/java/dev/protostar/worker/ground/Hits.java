package dev.protostar.worker.ground;

import dev.protostar.worker.retrieve.Hit;
import java.util.UUID;

/** Retrieved chunks for unit tests. */
public final class Hits {

    private Hits() {}

    public static Hit hit(String section, String text) {
        return new Hit(UUID.randomUUID(), UUID.randomUUID(), "이력서", section, "paragraph 1", text, 0.5, 1, 0.1, 1, 0.03);
    }
}
