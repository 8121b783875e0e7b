package dev.protostar.search.embed;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

/**
 * {@code ./protostar bench-embed}: the CPU one question's embedding costs with our ONNX session ({@link OnnxEmbedder})
 * against langchain4j's own bge-small model (ONNX Runtime's default session), side by side in one JVM, in
 * alternating rounds, with one caller and with four at once (a worker embeds a question per turn, many turns at
 * a time). CPU is the process's (every thread, ONNX Runtime's own included). Not part of the test suite: it
 * runs only when named ({@code -Dtest=EmbeddingCpuBenchmark}).
 */
class EmbeddingCpuBenchmark {

    private static final int ROUNDS = 5;
    private static final int EMBEDDINGS = 300;
    private static final int[] CALLERS = {1, 4};

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    @Test
    void prints_the_cpu_of_a_question_embedding_in_both_sessions() throws Exception {
        OnnxEmbedder ours = new OnnxEmbedder();
        EmbeddingModel stock = new BgeSmallEnV15QuantizedEmbeddingModel();
        String[] names = {"ours (1 thread per call, no spinning)", "langchain4j's default session"};
        List<IntConsumer> sessions = List.of(
                n -> ours.embedQuery(question(n)),
                n -> stock.embed(TextSegment.from(OnnxEmbedder.QUERY_INSTRUCTION + question(n))));
        double[][][] cpu = new double[2][CALLERS.length][ROUNDS];
        double[][][] wall = new double[2][CALLERS.length][ROUNDS];
        for (int n = 0; n < EMBEDDINGS; n++) { // warm-up: the JIT and both sessions' first runs
            for (IntConsumer session : sessions) {
                session.accept(n);
            }
        }
        for (int round = 0; round < ROUNDS; round++) {
            for (int c = 0; c < CALLERS.length; c++) {
                for (int m = 0; m < 2; m++) {
                    double[] measured = measure(CALLERS[c], sessions.get(m));
                    cpu[m][c][round] = measured[0];
                    wall[m][c][round] = measured[1];
                }
            }
        }
        StringBuilder md = new StringBuilder();
        md.append("| session | callers at once | CPU per question, median | wall per question, median |\n")
                .append("| --- | ---: | ---: | ---: |\n");
        for (int c = 0; c < CALLERS.length; c++) {
            for (int m = 0; m < 2; m++) {
                md.append("| %s | %d | %.2f ms | %.2f ms |\n"
                        .formatted(names[m], CALLERS[c], median(cpu[m][c]), median(wall[m][c])));
            }
        }
        md.append('\n');
        for (int c = 0; c < CALLERS.length; c++) {
            md.append("- %d caller%s: the default session costs %.2f× our CPU per question.\n"
                    .formatted(CALLERS[c], CALLERS[c] == 1 ? "" : "s", median(cpu[1][c]) / median(cpu[0][c])));
        }
        System.out.println(md);
        String path = System.getProperty("protostar.embed.report");
        if (path != null && !path.isBlank()) {
            Files.writeString(Path.of(path), header() + md);
        }
    }

    /** CPU and wall milliseconds per embedding over {@link #EMBEDDINGS} questions from {@code callers} threads. */
    private static double[] measure(int callers, IntConsumer embed) throws Exception {
        Thread.sleep(1000); // the other session's pool stops spinning before this one is charged
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            long cpu = OS.getProcessCpuTime();
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < EMBEDDINGS; i++) {
                int n = i;
                done.add(pool.submit(() -> embed.accept(n)));
            }
            for (Future<?> f : done) {
                f.get();
            }
            return new double[] {
                (OS.getProcessCpuTime() - cpu) / 1e6 / EMBEDDINGS, (System.nanoTime() - start) / 1e6 / EMBEDDINGS
            };
        } finally {
            pool.shutdown();
        }
    }

    /** Questions of a recruiter's length, all different. */
    private static String question(int n) {
        String[] asks = {
            "What did she build at her last company", "How large was the team he led",
            "Which databases has she run in production", "Why did he leave the payments team",
            "What was the result of the search migration"
        };
        return asks[n % asks.length] + " (" + n + ")?";
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String header() {
        return """
                # Question embedding: CPU per question

                Produced by `./protostar bench-embed` (`search/…/embed/EmbeddingCpuBenchmark.java`) on %s, on the
                development machine (2 cores, 24 GiB, no GPU), nothing else running. bge-small-en-v1.5 (quantized
                ONNX) embeds %d different questions per measurement, with the query instruction, in %d alternating
                rounds; medians over the rounds. CPU is the whole process's, ONNX Runtime's own threads included.

                """
                .formatted(LocalDate.now(), EMBEDDINGS, ROUNDS);
    }
}
