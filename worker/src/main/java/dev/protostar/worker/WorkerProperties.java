package dev.protostar.worker;

import dev.protostar.kafka.message.WorkerStatus.Role;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Policy numbers of the worker (protostar.worker.*); application.yml says why each default.
 *
 * @param id this worker's name in worker-status
 * @param role ACTIVE consumes turns; STANDBY joins no consumer group until promoted
 * @param maxInFlight turns held at once (running plus queued behind their session)
 * @param coalesce longest a token waits to be sent with the ones after it
 * @param coalesceChars a delta is sent once it holds this many characters
 * @param turnMemory how long a turn's attempt count and end are remembered (redelivery detection)
 */
@ConfigurationProperties("protostar.worker")
public record WorkerProperties(
        String id, Role role, int maxInFlight, Duration coalesce, int coalesceChars, Duration turnMemory) {}
