package dev.protostar.chat.dam;

import dev.protostar.chat.ChatApiProperties;
import dev.protostar.chat.problem.ApiProblem;
import dev.protostar.kafka.message.Priority;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The dam's first gate: tenant and session come from the key and the URL; priority and deadline from two
 * optional headers. A client may lower its priority ({@code Protostar-Priority: bulk|replay}) and shorten
 * its deadline ({@code Request-Timeout: seconds}), never raise or lengthen them, so the headers cannot be
 * used to jump the queue.
 */
@Component
public class Classifier {

    public static final String PRIORITY_HEADER = "Protostar-Priority";
    public static final String TIMEOUT_HEADER = "Request-Timeout";

    private final DamProperties dam;
    private final ChatApiProperties chat;
    private final InstantSource clock;

    Classifier(DamProperties dam, ChatApiProperties chat, InstantSource clock) {
        this.dam = dam;
        this.chat = chat;
        this.clock = clock;
    }

    public Ticket classify(
            String requestId, String sessionId, String tenant, String question, String priority, String timeout) {
        Instant now = clock.instant();
        return new Ticket(
                requestId, sessionId, tenant, priority(priority), now, now.plus(deadline(timeout)), estimate(question));
    }

    /**
     * A Korean syllable is about one BPE token, English about a quarter token per character: half a token
     * per character errs high for English and low only for dense Hangul, and the end of the turn settles the
     * real count anyway.
     */
    long estimate(String question) {
        return question.length() / 2 + 1 + dam.promptTokens() + dam.outputTokens();
    }

    private static Priority priority(String header) {
        if (header == null || header.isBlank()) {
            return Priority.INTERACTIVE;
        }
        try {
            return Priority.valueOf(header.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(PRIORITY_HEADER + " must be interactive, bulk or replay.");
        }
    }

    private Duration deadline(String header) {
        if (header == null || header.isBlank()) {
            return chat.deadline();
        }
        double seconds;
        try {
            seconds = Double.parseDouble(header.strip());
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest(TIMEOUT_HEADER + " must be a number of seconds.");
        }
        Duration asked = Duration.ofMillis((long) (seconds * 1000));
        if (asked.compareTo(dam.minDeadline()) < 0) {
            return dam.minDeadline();
        }
        return asked.compareTo(chat.deadline()) > 0 ? chat.deadline() : asked;
    }
}
