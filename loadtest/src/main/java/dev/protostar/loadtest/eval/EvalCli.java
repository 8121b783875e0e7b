package dev.protostar.loadtest.eval;

import java.util.List;

/**
 * The evaluation against a system already running (for instance {@code ./protostar up}), for working on the
 * grounding rules without a fresh stack each time: {@code -Dprotostar.eval.splits=dev,fresh-dev} picks the
 * candidates. Wrong answers of the held-out split ({@link EvalReport#HELD_OUT}) are never printed here: it is the
 * split nobody tunes on.
 */
public final class EvalCli {

    private EvalCli() {}

    public static void main(String[] args) throws Exception {
        if (Boolean.getBoolean("protostar.eval.memory")) {
            memory();
            return;
        }
        String candidate = System.getProperty("protostar.eval.ask");
        if (candidate != null) {
            ask(candidate, args);
            return;
        }
        List<String> splits = List.of(System.getProperty(
                        "protostar.eval.splits",
                        "dev,test,fresh-dev,fresh,blind,practice,practice2,blind2,blind3,blind4,blind5,blind6")
                .split(","));
        RagEvaluation evaluation = new RagEvaluation(
                System.getProperty("protostar.eval.api", "http://127.0.0.1:8080"),
                System.getProperty("protostar.eval.management", "http://127.0.0.1:9081"),
                System.getenv("PROTOSTAR_ADMIN_KEY"),
                System.getenv("PROTOSTAR_RECRUITER_KEY"),
                System.getenv("PROTOSTAR_OPS_KEY"),
                System.getProperty("protostar.eval.jdbc", "jdbc:postgresql://127.0.0.1:15432/protostar"),
                System.getenv().getOrDefault("PROTOSTAR_PG_USER", "protostar"),
                System.getenv("PROTOSTAR_PG_PASSWORD"));
        EvalReport report = evaluation.run(
                "running system",
                q -> splits.contains(Fixtures.candidate(q.candidate()).split()));
        System.out.println(report.markdown());
    }

    /**
     * Asks the questions given as arguments, in one session, of the candidate whose id is {@code
     * -Dprotostar.eval.ask}, and prints each answer: for looking at one case while working on the rules.
     */
    private static void ask(String candidateId, String[] questions) throws Exception {
        EvalClient client = new EvalClient(
                System.getProperty("protostar.eval.api", "http://127.0.0.1:8080"),
                System.getProperty("protostar.eval.management", "http://127.0.0.1:9081"),
                System.getenv("PROTOSTAR_ADMIN_KEY"),
                System.getenv("PROTOSTAR_RECRUITER_KEY"),
                System.getenv("PROTOSTAR_OPS_KEY"));
        String session = client.createSession(candidateId);
        for (String question : questions) {
            EvalClient.Answer answer = client.ask(session, question);
            System.out.printf("> %s%n%s%s%n%n", question, answer.refused() ? "[refused] " : "", answer.text());
        }
    }

    /** The memory benchmark's conversations on the running system: follow-up accuracy and what went wrong. */
    private static void memory() throws Exception {
        List<MemoryBenchmark.Played> played = new MemoryBenchmark(
                        System.getProperty("protostar.eval.api", "http://127.0.0.1:8080"),
                        System.getProperty("protostar.eval.management", "http://127.0.0.1:9081"),
                        System.getenv("PROTOSTAR_ADMIN_KEY"),
                        System.getenv("PROTOSTAR_RECRUITER_KEY"),
                        System.getenv("PROTOSTAR_OPS_KEY"))
                .play();
        List<MemoryBenchmark.Played> followUps =
                played.stream().filter(p -> p.turn().memoryDependent()).toList();
        long right = followUps.stream().filter(MemoryBenchmark.Played::correct).count();
        System.out.printf("follow-ups: %d of %d (%.3f)%n", right, followUps.size(), (double) right / followUps.size());
        for (MemoryBenchmark.Played p : followUps) {
            if (!p.correct()) {
                System.out.printf(
                        "- %s #%d %s → %s%n",
                        p.conversation().id(),
                        p.index(),
                        p.turn().question(),
                        p.answer().text().replaceAll("\\s+", " "));
            }
        }
    }
}
