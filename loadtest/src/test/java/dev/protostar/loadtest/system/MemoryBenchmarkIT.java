package dev.protostar.loadtest.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protostar.loadtest.eval.MemoryBenchmark;
import dev.protostar.loadtest.eval.MemoryReport;
import dev.protostar.search.tokens.TokenCounter;
import dev.protostar.worker.generate.DataBlock;
import dev.protostar.worker.memory.Turn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

/**
 * The memory benchmark: the scripted conversations of {@code memory/conversations.json} (Korean and English,
 * 10 and 20 turns, a third of them follow-ups) played on a fresh offline stack with the session's memory,
 * then on another whose worker sends every earlier turn verbatim. Prints the report;
 * {@code -Dprotostar.memory.report=path} also saves it ({@code ./protostar bench-memory}).
 */
class MemoryBenchmarkIT {

    @Test
    void memory_costs_a_fraction_of_the_full_history_and_loses_no_follow_up() throws Exception {
        List<MemoryBenchmark.Played> withMemory = play(Map.of());
        List<MemoryBenchmark.Played> withFullHistory = play(Map.of("PROTOSTAR_MEMORY_FULL_HISTORY", "true"));
        // The markup-free figure is only as good as its replica of the worker's prompt: it must reproduce every turn.
        assertThat(withFullHistory)
                .as("full-history turns whose history tokens the replica reproduces")
                .allMatch(p -> fullHistoryTokens(withFullHistory, false).applyAsInt(p)
                        == p.answer().historyTokens());
        MemoryReport report = new MemoryReport(withMemory, withFullHistory, fullHistoryTokens(withFullHistory, true));
        String markdown = report.markdown();
        System.out.println(markdown);
        String path = System.getProperty("protostar.memory.report");
        if (path != null && !path.isBlank()) {
            Files.writeString(Path.of(path), header() + markdown);
        }

        // Regression floors under what is measured (79.3%, and 0.886 with memory against 0.909 with the full history
        // on 2026-12-06: one follow-up of 44), not the targets: the report says whether those hold.
        assertThat(report.historySavingAt(10))
                .as("fewer history tokens at turn 10")
                .isGreaterThanOrEqualTo(0.78);
        assertThat(report.memoryDependentAccuracy(true))
                .as("follow-ups answered with memory, against the full history")
                .isGreaterThanOrEqualTo(report.memoryDependentAccuracy(false) - 0.03);
    }

    /**
     * The history tokens of a full-history turn as the worker's prompt writes it (every earlier turn verbatim),
     * with the answers as shown or, {@code recalled}, as the memory sends its verbatim turn: what the markup
     * alone is worth. A turn that built no prompt (refused before any model) counts none, as in the report.
     */
    private static ToIntFunction<MemoryBenchmark.Played> fullHistoryTokens(
            List<MemoryBenchmark.Played> full, boolean recalled) {
        return played -> {
            if (played.answer().historyTokens() == 0) {
                return 0;
            }
            StringBuilder history = new StringBuilder("Recent turns:\n");
            for (MemoryBenchmark.Played earlier : full) {
                if (earlier.conversation().id().equals(played.conversation().id())
                        && earlier.index() < played.index()) {
                    String answer = earlier.answer().text();
                    Turn turn = new Turn(earlier.index(), earlier.turn().question(), answer, false, 0);
                    history.append("Recruiter: ")
                            .append(earlier.turn().question())
                            .append("\nYou: ")
                            .append(recalled ? turn.recalledAnswer() : answer)
                            .append("\n\n");
                }
            }
            return TokenCounter.count(DataBlock.of("conversation", history.toString()) + "\n\n");
        };
    }

    private static List<MemoryBenchmark.Played> play(Map<String, String> workerEnv) throws Exception {
        try (Stack stack = Stack.offline()) {
            ApiClient api = stack.chatApi("memory-chat-api");
            AppProcess worker = stack.worker("memory-worker", "active", workerEnv);
            stack.ingestion("memory-ingestion");
            return new MemoryBenchmark(
                            api.baseUrl(), worker.managementUrl(), stack.adminKey, stack.recruiterKey, stack.opsKey)
                    .play();
        }
    }

    private static String header() {
        return """
                # Conversation memory benchmark

                Produced by `./protostar bench-memory` (`MemoryBenchmarkIT`) on %s, on the development machine
                (2 cores, 24 GiB, no GPU), in the offline mode (no language model: extractive answers, extractive
                summary, entity-carrying follow-up resolution). Conversations: `loadtest/src/main/resources/memory/
                conversations.json` — eight scripted screening calls (four Korean, four English; four of 10 turns,
                four of 20) about the evaluation's synthetic candidates, a third of the turns follow-ups that need
                earlier turns ("그 프로젝트 팀은?", "처음에 물어본 회사에서는?", "What about the second project?"),
                many of them referring five or more turns back. Each is played twice on a fresh stack: with the
                session's memory (summary + the turns not yet folded, the last always verbatim — every sentence of
                its answer, without the citation markers, lead phrase and repeated headings of how it was shown) and
                with the full history (every earlier turn verbatim, as the recruiter saw it), with a 300 ms pause
                between turns. Tokens are BPE (cl100k), counted on the prompt as a model would receive it.

                What the accuracy rows can and cannot say: offline, an answer is extractive, so the history reaches
                it only through the follow-up rewrite, which in both setups reads nearly the same facts (summary lines,
                or facts taken the same way from the verbatim turns). Equal accuracy shows the summary keeps what resolving
                a follow-up needs; whether a model answers as well from a summary as from a transcript needs a
                model run, which this machine cannot make (no key, no network).

                """
                .formatted(LocalDate.now());
    }
}
