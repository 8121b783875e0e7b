package dev.protostar.chat.limits;

import java.time.Duration;
import org.springframework.util.unit.DataSize;

/** The application.yml defaults, with the body caps a test picks. */
public final class TestLimits {

    public static final LimitProperties.Bodies BODIES = new LimitProperties.Bodies(
            DataSize.ofKilobytes(32),
            DataSize.ofMegabytes(1),
            DataSize.ofKilobytes(4),
            DataSize.ofKilobytes(4),
            DataSize.ofKilobytes(4));

    private TestLimits() {}

    public static LimitProperties defaults() {
        return with(BODIES);
    }

    static LimitProperties with(LimitProperties.Bodies bodies) {
        return new LimitProperties(bodies, 2, Duration.ofSeconds(5), 255, Duration.ofSeconds(2));
    }
}
