package dev.protostar.loadtest.eval;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The evaluation set in {@code eval/} on the classpath: synthetic candidates (their documents and a
 * dev/test split) and questions with the facts a correct answer contains, or the kind of refusal expected.
 */
final class Fixtures {

    static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * @param formats the same résumé in other formats (format → file, made by {@code loadtest/bin/render-formats}
     *     from the Markdown original): PDF printed by a browser, a two-column PDF, DOCX, a scan
     */
    record Candidate(
            String slug, String name, String language, String split, List<String> files, Map<String, String> formats) {}

    /**
     * @param kind answerable, missing, false-premise, other-candidate or partial
     * @param expectedFacts strings a correct answer contains, verbatim in the candidate's documents
     */
    record Question(
            String id,
            String candidate,
            String language,
            String kind,
            String question,
            List<String> expectedFacts,
            boolean crossLingual,
            String missing,
            String sourceCandidate,
            String foreignFact,
            List<String> context) {

        /** Questions asked before this one in the same session (a follow-up's antecedents), unscored. */
        List<String> earlier() {
            return context == null ? List.of() : context;
        }

        boolean answerable() {
            return "answerable".equals(kind);
        }
    }

    private Fixtures() {}

    /**
     * Every question: {@code questions.json} (the first six candidates, written beside the rules), {@code
     * questions-fresh.json} (six more, written blind to the code from the résumés alone, frozen as written) and
     * {@code questions-blind.json} (four more, written the same way after the fresh split had been read) and {@code
     * questions-practice.json} (four more, written the same way later, to tune on instead of the blind split) and
     * {@code questions-practice2.json} (four more, written the same way with blind2, to tune on) and {@code
     * questions-blind2.json} (four more, written the same way once the blind split had been read: held out until its
     * wrong answers were read on 2026-12-07, tuned on since) and {@code questions-blind3.json} (four more, written the
     * same way by a writer who saw no code and no other question file: held out until its wrong answers were read on
     * 2026-12-07, tuned on since) and {@code questions-blind4.json} (four more, written the same way by a seventh
     * writer: held out until its wrong answers were read on 2026-12-07, tuned on since) and {@code
     * questions-blind5.json} (four more, written the same way by an eighth writer: held out until its wrong answers
     * were read on 2026-12-07, tuned on since) and {@code questions-blind6.json} (four more, written the same way by a
     * ninth writer: held out until its wrong answers were read on 2026-12-08, tuned on since) and {@code
     * questions-blind7.json} (four more, written the same way by a tenth writer: the split held out now).
     */
    static List<Question> questions() {
        List<Question> all = new java.util.ArrayList<>();
        for (String file : List.of(
                "eval/questions.json",
                "eval/questions-fresh.json",
                "eval/questions-blind.json",
                "eval/questions-practice.json",
                "eval/questions-practice2.json",
                "eval/questions-blind2.json",
                "eval/questions-blind3.json",
                "eval/questions-blind4.json",
                "eval/questions-blind5.json",
                "eval/questions-blind6.json",
                "eval/questions-blind7.json")) {
            try (InputStream in = resource(file)) {
                all.addAll(List.of(JSON.readValue(in, Question[].class)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(all);
    }

    static List<Candidate> candidates(List<Question> questions) {
        Set<String> slugs = new LinkedHashSet<>();
        questions.forEach(q -> slugs.add(q.candidate()));
        return slugs.stream().map(Fixtures::candidate).toList();
    }

    static byte[] file(Candidate candidate, String name) {
        try (InputStream in = resource("eval/candidates/" + candidate.slug() + "/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Candidate candidate(String slug) {
        try (InputStream in = resource("eval/candidates/" + slug + "/candidate.json")) {
            var node = JSON.readTree(in);
            return new Candidate(
                    slug,
                    node.get("name").asText(),
                    node.get("language").asText(),
                    node.get("split").asText(),
                    List.of(JSON.treeToValue(node.get("files"), String[].class)),
                    node.has("formats")
                            ? JSON.convertValue(
                                    node.get("formats"), new TypeReference<LinkedHashMap<String, String>>() {})
                            : Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("Missing evaluation resource " + path);
        }
        return in;
    }
}
