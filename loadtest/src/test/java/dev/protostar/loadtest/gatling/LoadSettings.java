package dev.protostar.loadtest.gatling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * What a simulation runs against and how hard: each setting is the system property {@code protostar.NAME},
 * else the environment variable {@code PROTOSTAR_NAME} (upper case, dashes as underscores), else a default
 * that suits the local run ({@code ./protostar up}).
 *
 * @param baseUrl the users' port of chat-api
 * @param key a recruiter's API key
 * @param candidateId whose documents the questions are about; unset: the first candidate the key can see
 * @param rate open model: arrivals per second (at the start, when ramping)
 * @param rampTo open model: arrivals per second at the end; 0 keeps {@code rate} constant
 * @param duration how long users arrive (open) or keep asking (closed)
 * @param priority {@code Protostar-Priority} of every question (interactive, bulk or replay)
 * @param requestTimeout {@code Request-Timeout} in seconds; 0 sends none
 * @param users closed model: how many users ask, think and ask again
 * @param think closed model: mean think time between a user's questions (exponentially distributed)
 * @param giveUp a user stops waiting for an answer after this long and closes the stream
 * @param retries closed model: how often a rejected (429/503) question is sent again after its Retry-After
 * @param question what users ask
 * @param maxFailedPercent the run fails (Gatling's assertions) when more requests than this fail; 100 never
 */
record LoadSettings(
        String baseUrl,
        String key,
        String candidateId,
        double rate,
        double rampTo,
        Duration duration,
        String priority,
        int requestTimeout,
        int users,
        Duration think,
        Duration giveUp,
        int retries,
        String question,
        double maxFailedPercent) {

    static LoadSettings fromEnvironment() {
        String baseUrl = text("base-url", "http://localhost:8080");
        String key = text("key", System.getenv("PROTOSTAR_RECRUITER_KEY"));
        if (key == null || key.isBlank()) {
            throw new IllegalStateException(
                    "Set protostar.key or PROTOSTAR_RECRUITER_KEY (var/keys.env of ./protostar up)");
        }
        String candidate = text("candidate", null);
        return new LoadSettings(
                baseUrl,
                key,
                candidate == null || candidate.isBlank() ? firstCandidate(baseUrl, key) : candidate,
                number("rate", 1),
                number("ramp-to", 0),
                Duration.ofSeconds((long) number("duration", 60)),
                text("priority", "interactive"),
                (int) number("request-timeout", 0),
                (int) number("users", 10),
                Duration.ofMillis((long) (number("think", 5) * 1000)),
                Duration.ofMillis((long) (number("give-up", 30) * 1000)),
                (int) number("retries", 3),
                text("question", "What did this candidate build, and with which technologies?"),
                number("max-failed-percent", 100));
    }

    private static String text(String name, String fallback) {
        String value = System.getProperty("protostar." + name);
        if (value == null || value.isBlank()) {
            value = System.getenv("PROTOSTAR_" + name.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static double number(String name, double fallback) {
        String value = text(name, null);
        return value == null ? fallback : Double.parseDouble(value);
    }

    /** The first candidate {@code GET /api/v1/candidates} lists for this key (the local run seeds demo ones). */
    private static String firstCandidate(String baseUrl, String key) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/candidates"))
                                    .header("Authorization", "Bearer " + key)
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            JsonNode candidates = new ObjectMapper().readTree(response.body());
            if (response.statusCode() != 200 || !candidates.isArray() || candidates.isEmpty()) {
                throw new IllegalStateException("No candidate to ask about: GET /api/v1/candidates answered "
                        + response.statusCode() + " " + response.body() + "; set protostar.candidate");
            }
            return candidates.get(0).get("candidateId").asText();
        } catch (IOException e) {
            throw new IllegalStateException("chat-api is not reachable at " + baseUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
