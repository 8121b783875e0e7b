package dev.protostar.loadtest.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protostar.loadtest.eval.EvalReport;
import dev.protostar.loadtest.eval.RagEvaluation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The RAG evaluation (loadtest/…/eval, fixtures in {@code eval/}) on a fresh stack in the offline mode, and
 * — when {@code PROTOSTAR_EVAL_LLM_API_KEY} (with {@code _BASE_URL}, {@code _MODEL}) is set — on a second
 * stack with that model. Prints the report; {@code -Dprotostar.eval.report=path} also saves it (what
 * {@code ./protostar eval} does). In CI it guards the offline figures against regressions.
 */
class RagEvaluationIT {

    @Test
    void the_offline_mode_answers_from_the_documents_and_refuses_what_they_do_not_say() throws Exception {
        StringBuilder report = new StringBuilder();
        EvalReport offline;
        try (Stack stack = Stack.offline()) {
            offline = evaluate(stack, "offline (extractive, no language model)");
        }
        report.append(offline.markdown());
        String llmKey = System.getenv("PROTOSTAR_EVAL_LLM_API_KEY");
        if (llmKey != null && !llmKey.isBlank()) {
            String model = System.getenv().getOrDefault("PROTOSTAR_EVAL_LLM_MODEL", "openai/gpt-4o-mini");
            try (Stack stack = Stack.withModel(
                    System.getenv().getOrDefault("PROTOSTAR_EVAL_LLM_BASE_URL", "https://openrouter.ai/api/v1"),
                    llmKey,
                    model)) {
                report.append("\n")
                        .append(evaluate(stack, "language model " + model).markdown());
            }
        } else {
            report.append("\n_LLM mode not measured: set PROTOSTAR_EVAL_LLM_API_KEY (and _BASE_URL, _MODEL)._\n");
        }
        System.out.println(report);
        String path = System.getProperty("protostar.eval.report");
        if (path != null && !path.isBlank()) {
            Files.writeString(Path.of(path), header() + report);
        }

        EvalReport.Figures all = offline.figures(null);
        EvalReport.Figures heldOut = offline.figures(EvalReport.HELD_OUT);
        assertThat(all.ungroundedNumbers()).as("ungrounded numbers").isZero();
        // Regression floors a question or two under what was measured on 2026-12-08 (all: 0.973, 0.967, 0.006, 0.968;
        // the held-out split `blind7`: 0.875, 0.042, 0.775; formats 0.978, 0.971, 0.978, 0.906): a fall below is a
        // regression to explain. Issue 19's targets are reported, not asserted: they are not all met.
        assertThat(all.recallAt5()).as("recall@5").isGreaterThanOrEqualTo(0.965);
        assertThat(all.correctRefusals()).as("correct refusals").isGreaterThanOrEqualTo(0.960);
        assertThat(all.overRefusal()).as("over-refusal").isLessThanOrEqualTo(0.010);
        assertThat(all.accuracy()).as("answer accuracy").isGreaterThanOrEqualTo(0.960);
        assertThat(heldOut.accuracy()).as("held out: answer accuracy").isGreaterThanOrEqualTo(0.85);
        assertThat(heldOut.overRefusal()).as("held out: over-refusal").isLessThanOrEqualTo(0.065);
        assertThat(heldOut.correctRefusals()).as("held out: correct refusals").isGreaterThanOrEqualTo(0.75);
        Map<String, Double> formatFloors = Map.of("pdf", 0.96, "pdf-2col", 0.95, "docx", 0.96, "scan", 0.88);
        offline.formatAccuracy().forEach((format, accuracy) -> assertThat(accuracy)
                .as("accuracy on " + format)
                .isGreaterThanOrEqualTo(formatFloors.getOrDefault(format, 0.0)));
    }

    private static EvalReport evaluate(Stack stack, String label) throws Exception {
        ApiClient api = stack.chatApi("eval-chat-api");
        AppProcess worker = stack.worker("eval-worker", "active", Map.of());
        stack.ingestion("eval-ingestion");
        return new RagEvaluation(
                        api.baseUrl(),
                        worker.managementUrl(),
                        stack.adminKey,
                        stack.recruiterKey,
                        stack.opsKey,
                        stack.databaseUrl,
                        LocalServices.PG_USER,
                        stack.databasePassword())
                .run(label);
    }

    private static String header() {
        return """
                # RAG evaluation

                Produced by `./protostar eval` (`RagEvaluationIT`; in a shared checkout, through the reactor:
                `./mvnw -B -pl loadtest -am verify -Dit.test=RagEvaluationIT -Dtest=none
                -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false
                -Dprotostar.eval.report=$PWD/docs/benchmarks/rag-eval.md`) on %s, on the development machine
                (2 cores, 24 GiB, no GPU). Fixtures: `loadtest/src/main/resources/eval/`. Forty-eight synthetic
                candidates in thirteen splits. The first six (`questions.json`) were written beside the rules: `dev` (박서연,
                이준호, Daniel Okafor, Priya Raman) tuned the grounding rules, the offline answers and the glossary;
                of `test` (최민재, Tomas Lindqvist) only the aggregate figures were followed at first, but its wrong
                answers have since been read. The other six (`questions-fresh.json`, 2026-12-06) were written blind:
                a writer given only the instruction to write résumés and then ask as recruiters do, who never read
                the code, wrote the résumés and then the questions, frozen as written. Of those, `fresh-dev` (강도현,
                Nadia Petrova) was tuned on; `fresh` (윤다은, 오세린, Min-seok Baek, Rachel Whitford) never was — its
                wrong answers were first read after a run on 2026-12-06 and have been worked on since. So four more
                (`questions-blind.json`, split `blind`: 서하영, 정우석, Marcus Bell, Chiara Ferrante) were written the
                same way by a new writer and held out over several sessions; a third writer wrote four more to tune on
                instead (`questions-practice.json`, split `practice`: 한지원, 문소희, Ethan Cole, Lucía Moreno). Once
                `blind` had been run six times in aggregate, it was read and tuned on too, and two new writers (no
                code, no earlier question file) wrote four candidates each: `practice2` (`questions-practice2.json`:
                유승민, 강예린, Tobias Wirth, Amara Nwosu), tuned on, and `blind2` (`questions-blind2.json`: 한지윤,
                오태경, Declan Whitcombe, Ingrid Saelens), held out until 2026-12-07, when its wrong answers were read
                and tuned on. A sixth writer, who saw no code and no other question file, wrote `blind3`
                (`questions-blind3.json`: 박서아, 정우진, Daniel Whitcombe, Naomi Fairbanks), held out until 2026-12-07
                and tuned on since; a seventh, the same way, wrote `blind4` (`questions-blind4.json`: 김하늘, 임재혁,
                Harriet Osei, Rafael Quintero), held out until 2026-12-07 and
                tuned on since; an eighth, the same way, wrote `blind5` (`questions-blind5.json`: 노하은, 윤태오, Owen
                Whitaker, Meera Kulkarni), held out until 2026-12-07 and tuned on since; a ninth, the same way, wrote
                `blind6` (`questions-blind6.json`: 구본철, 탁은비, Siobhan Mulcahy, Henrik Vestergaard), held out until
                2026-12-08 and tuned on since; a tenth, the same way, wrote `blind7` (`questions-blind7.json`: 배지호,
                신유나, Beatrice Kowalczyk, Callum Rourke), held out now — the issue's targets for a new split are read
                on it, and its wrong answers are never listed.
                `practice`, `practice2` and `blind2` to `blind7` are Markdown only. The
                fresh and blind résumés also come as a
                browser-printed PDF, a two-column PDF, DOCX and an image-only scan (`loadtest/bin/render-formats`),
                each stored as a candidate of its own and asked the same answerable questions. Definitions: recall@5 — every expected fact is in the
                top 5 retrieved chunks; answer accuracy — every expected fact is in the answer, which is not a
                refusal; over-refusal — answerable questions refused; correct refusals — missing-attribute,
                false-premise and other-candidate questions refused, half-answerable ones answered with the
                missing part declined; ungrounded numbers — numbers of an answer that no chunk it cites contains
                (checked by the evaluator, independently of the worker).

                """
                .formatted(LocalDate.now());
    }
}
