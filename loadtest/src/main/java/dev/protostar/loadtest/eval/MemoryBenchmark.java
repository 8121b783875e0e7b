package dev.protostar.loadtest.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.protostar.loadtest.eval.EvalClient.Answer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Plays the scripted conversations of {@code memory/conversations.json} against a running system, turn by
 * turn in one session each, with a recruiter's pause between turns; records what every turn cost (input
 * tokens, and of those the conversation's) and whether its answer holds the expected facts.
 */
public final class MemoryBenchmark {

    /** A recruiter reads the answer before asking the next question; the memory folds meanwhile. */
    private static final long PAUSE_MILLIS = 300;

    public record Turn(String question, List<String> expectedFacts, boolean memoryDependent, boolean unanswerable) {}

    public record Conversation(String id, String candidate, String language, List<Turn> turns) {}

    /** One played turn. */
    public record Played(Conversation conversation, int index, Turn turn, Answer answer) {

        public boolean correct() {
            if (turn.unanswerable()) {
                return answer.refused() || Scoring.declines(answer.text());
            }
            return !answer.refused() && Scoring.containsAll(answer.text(), turn.expectedFacts());
        }
    }

    private final EvalClient client;

    public MemoryBenchmark(String api, String management, String adminKey, String recruiterKey, String opsKey) {
        this.client = new EvalClient(api, management, adminKey, recruiterKey, opsKey);
    }

    public static List<Conversation> conversations() {
        try (InputStream in = MemoryBenchmark.class.getClassLoader().getResourceAsStream("memory/conversations.json")) {
            List<Conversation> conversations = new ArrayList<>();
            for (JsonNode node : Fixtures.JSON.readTree(in)) {
                List<Turn> turns = new ArrayList<>();
                for (JsonNode turn : node.get("turns")) {
                    turns.add(new Turn(
                            turn.get("question").asText(),
                            List.of(Fixtures.JSON.treeToValue(turn.get("expectedFacts"), String[].class)),
                            turn.path("memoryDependent").asBoolean(),
                            turn.path("unanswerable").asBoolean()));
                }
                conversations.add(new Conversation(
                        node.get("id").asText(),
                        node.get("candidate").asText(),
                        node.get("language").asText(),
                        turns));
            }
            return conversations;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Plays every conversation; the candidates' documents are uploaded first (the real ingestion path). */
    public List<Played> play() throws Exception {
        List<Conversation> conversations = conversations();
        Map<String, String> candidates = new HashMap<>();
        for (Conversation conversation : conversations) {
            if (!candidates.containsKey(conversation.candidate())) {
                candidates.put(conversation.candidate(), upload(conversation.candidate()));
            }
        }
        List<Played> played = new ArrayList<>();
        for (Conversation conversation : conversations) {
            String sessionId = client.createSession(candidates.get(conversation.candidate()));
            for (int i = 0; i < conversation.turns().size(); i++) {
                Turn turn = conversation.turns().get(i);
                played.add(new Played(conversation, i + 1, turn, client.ask(sessionId, turn.question())));
                Thread.sleep(PAUSE_MILLIS);
            }
        }
        return played;
    }

    private String upload(String slug) throws Exception {
        Fixtures.Candidate candidate = Fixtures.candidate(slug);
        String id = client.createCandidate(candidate.name() + " (memory benchmark)");
        for (String file : candidate.files()) {
            var end = client.ingest(id, file, Fixtures.file(candidate, file));
            if (!"stored".equals(end.path("stage").asText())) {
                throw new IllegalStateException("Ingesting " + slug + "/" + file + " failed: " + end);
            }
        }
        return id;
    }
}
