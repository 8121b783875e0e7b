package dev.protostar.loadtest.eval;

import dev.protostar.loadtest.eval.EvalClient.Answer;
import dev.protostar.loadtest.eval.Fixtures.Candidate;
import dev.protostar.loadtest.eval.Fixtures.Question;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs the evaluation set against a running system through its public API: uploads every candidate's
 * documents (the real ingestion path), asks every question in a fresh session, and scores what came back;
 * retrieval recall and the vector / keyword / hybrid ablation come from the worker's retrieval endpoint.
 * Cited chunks' texts are read from the database, to check numbers independently of the worker.
 */
public final class RagEvaluation {

    /** One question's outcome. */
    record Outcome(Question question, String split, Answer answer, boolean recalled, List<String> ungrounded) {}

    /** One answerable question asked again of the same résumé in another format (PDF, DOCX, a scan). */
    record FormatOutcome(String format, Question question, Answer answer) {}

    private final EvalClient client;
    private final String jdbcUrl;
    private final String jdbcUser;
    private final String jdbcPassword;

    public RagEvaluation(
            String api,
            String management,
            String adminKey,
            String recruiterKey,
            String opsKey,
            String jdbcUrl,
            String jdbcUser,
            String jdbcPassword) {
        this.client = new EvalClient(api, management, adminKey, recruiterKey, opsKey);
        this.jdbcUrl = jdbcUrl;
        this.jdbcUser = jdbcUser;
        this.jdbcPassword = jdbcPassword;
    }

    /** Evaluates and returns the report; {@code label} names the mode (offline, or the model). */
    public EvalReport run(String label) throws Exception {
        return run(label, q -> true);
    }

    /** Evaluates the questions {@code which} keeps (all of a candidate's, or none: its documents are ingested). */
    public EvalReport run(String label, java.util.function.Predicate<Question> which) throws Exception {
        List<Question> questions = Fixtures.questions().stream().filter(which).toList();
        Map<String, Candidate> candidates = new HashMap<>();
        Map<String, String> ids = new HashMap<>();
        for (Candidate candidate : Fixtures.candidates(questions)) {
            // Named as the résumé names them, as an admin would: the name is how recruiters refer to the person.
            String id = client.createCandidate(candidate.name());
            for (String file : candidate.files()) {
                var end = client.ingest(id, file, Fixtures.file(candidate, file));
                if (!"stored".equals(end.path("stage").asText())) {
                    throw new IllegalStateException("Ingesting " + candidate.slug() + "/" + file + " failed: " + end);
                }
            }
            candidates.put(candidate.slug(), candidate);
            ids.put(candidate.slug(), id);
        }
        List<Outcome> outcomes = new ArrayList<>();
        Map<String, Map<String, Double>> ablation = new HashMap<>();
        try (Connection db = DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword)) {
            for (Question question : questions) {
                String candidateId = ids.get(question.candidate());
                Answer answer = askInSession(candidateId, question);
                boolean recalled = question.answerable()
                        && Scoring.containsAll(
                                String.join("\n", client.retrieve(candidateId, question.question(), "hybrid", 5)),
                                question.expectedFacts());
                List<String> ungrounded = answer.refused()
                        ? List.of()
                        : Scoring.ungroundedNumbers(answer.text(), chunkTexts(db, answer.citedChunkIds()));
                outcomes.add(new Outcome(
                        question, candidates.get(question.candidate()).split(), answer, recalled, ungrounded));
                if (question.answerable() && !question.crossLingual() && "ko".equals(question.language())) {
                    for (String mode : List.of("vector", "keyword", "hybrid")) {
                        boolean found = Scoring.containsAll(
                                String.join("\n", client.retrieve(candidateId, question.question(), mode, 5)),
                                question.expectedFacts());
                        ablation.computeIfAbsent(mode, m -> new HashMap<>())
                                .merge(question.id(), found ? 1.0 : 0.0, Double::sum);
                    }
                }
            }
        }
        return new EvalReport(label, outcomes, ablation, formats(candidates.values(), questions));
    }

    /**
     * Each résumé that comes in other formats is stored again from each of them, as another candidate of the
     * same name, and asked its answerable questions (in the language it is written in): what a format loses
     * shows as accuracy below the Markdown original's.
     */
    private List<FormatOutcome> formats(java.util.Collection<Candidate> candidates, List<Question> questions)
            throws Exception {
        List<FormatOutcome> outcomes = new ArrayList<>();
        for (Candidate candidate : candidates) {
            for (Map.Entry<String, String> format : candidate.formats().entrySet()) {
                String id = client.createCandidate(candidate.name());
                var end = client.ingest(id, format.getValue(), Fixtures.file(candidate, format.getValue()));
                if (!"stored".equals(end.path("stage").asText())) {
                    throw new IllegalStateException(
                            "Ingesting " + candidate.slug() + "/" + format.getValue() + " failed: " + end);
                }
                for (Question question : questions) {
                    if (!question.candidate().equals(candidate.slug())
                            || !question.answerable()
                            || question.crossLingual()) {
                        continue;
                    }
                    outcomes.add(new FormatOutcome(format.getKey(), question, askInSession(id, question)));
                }
            }
        }
        return outcomes;
    }

    /** Asks in a fresh session, after the questions a follow-up leans on (their answers are not scored). */
    private Answer askInSession(String candidateId, Question question) throws Exception {
        String session = client.createSession(candidateId);
        for (String earlier : question.earlier()) {
            client.ask(session, earlier);
        }
        return client.ask(session, question.question());
    }

    private static List<String> chunkTexts(Connection db, List<String> chunkIds) throws Exception {
        List<String> texts = new ArrayList<>();
        try (var statement = db.prepareStatement("SELECT section, text FROM chunk WHERE id = ?")) {
            for (String id : chunkIds) {
                statement.setObject(1, UUID.fromString(id));
                try (var rows = statement.executeQuery()) {
                    if (rows.next()) {
                        texts.add(rows.getString(1) + "\n" + rows.getString(2));
                    }
                }
            }
        }
        return texts;
    }
}
