package dev.protostar.loadtest.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The dam benchmark's report: capacity, the dam and its baselines under overload, the flood, the pipeline's cost. */
public final class DamReport {

    private final BenchSettings settings;
    private final DamBenchmark.Capacity capacity;
    private final List<DamBenchmark.Level> levels;
    private final List<DamBenchmark.Flood> floods;
    private final DamBenchmark.PipelineCost pipeline;

    public DamReport(
            BenchSettings settings,
            DamBenchmark.Capacity capacity,
            List<DamBenchmark.Level> levels,
            List<DamBenchmark.Flood> floods,
            DamBenchmark.PipelineCost pipeline) {
        this.settings = settings;
        this.capacity = capacity;
        this.levels = levels;
        this.floods = floods;
        this.pipeline = pipeline;
    }

    /** A target of issue 4, what was measured, and whether it holds. */
    public record Target(String name, String measured, boolean met) {}

    /** C; the report of a pipeline-only run ({@code protostar.bench.only=pipeline}) has no capacity, no levels. */
    public double c() {
        return capacity.figures().goodput();
    }

    public Optional<DamBenchmark.Level> level(String mode, double multiple) {
        return levels.stream()
                .filter(l -> l.mode().equals(mode) && l.multiple() == multiple)
                .findFirst();
    }

    public Optional<DamBenchmark.Flood> flood(String mode) {
        return floods.stream().filter(f -> f.mode().equals(mode)).findFirst();
    }

    public List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        for (var goal : Map.of(2.0, 0.95, 5.0, 0.90, 10.0, 0.85).entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .toList()) {
            level("dam", goal.getKey()).ifPresent(level -> {
                double ratio = level.figures().goodput() / c();
                targets.add(new Target(
                        "goodput ≥ %.2f C at %s".formatted(goal.getValue(), times(goal.getKey())),
                        "%.3f C".formatted(ratio),
                        ratio >= goal.getValue()));
            });
        }
        List<DamBenchmark.Level> dam =
                levels.stream().filter(l -> l.mode().equals("dam")).toList();
        if (!dam.isEmpty()) {
            double worst = dam.stream()
                    .mapToDouble(l -> l.figures().rejectionMillis(0.99))
                    .filter(Double::isFinite)
                    .max()
                    .orElse(Double.NaN);
            double server = dam.stream()
                    .mapToDouble(l -> l.server().refusalMillis())
                    .filter(Double::isFinite)
                    .max()
                    .orElse(Double.NaN);
            String measured = "%.1f ms (worst load)".formatted(worst)
                    + (Double.isFinite(server) ? "; in the server ≤ %.1f ms".formatted(server) : "");
            targets.add(new Target("p99 rejection ≤ 10 ms", measured, worst <= 10));
            int failed =
                    dam.stream().mapToInt(l -> l.figures().failedAdmitted()).sum();
            targets.add(new Target("zero failed admitted turns", failed + "", failed == 0));
        }
        flood("dam")
                .ifPresent(flood -> targets.add(new Target(
                        "interactive success ≥ 99.5%% while a %s bulk/replay flood is shed"
                                .formatted(times(settings.floodMultiple())),
                        percent(flood.people().success()),
                        flood.people().success() >= 0.995)));
        double slots = levels.stream()
                        .filter(l -> l.mode().equals("dam"))
                        .mapToDouble(DamBenchmark.Level::slotsAfter)
                        .max()
                        .orElse(0)
                + flood("dam").map(DamBenchmark.Flood::slotsAfter).orElse(0.0);
        targets.add(new Target("zero slots in use after every run", "%.0f".formatted(slots), slots == 0));
        if (pipeline != null) {
            double p99 = pipeline.overheadMillis(0.99);
            targets.add(new Target(
                    "pipeline's own cost at %d sessions: p99 ≤ 50 ms".formatted(pipeline.sessions()),
                    "%.0f ms (p50 %.0f ms)".formatted(p99, pipeline.overheadMillis(0.5)),
                    p99 <= 50));
        }
        return targets;
    }

    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("Targets (issue 4):\n\n| target | measured | |\n| --- | ---: | --- |\n");
        for (Target target : targets()) {
            md.append("| %s | %s | %s |\n"
                    .formatted(target.name(), target.measured(), target.met() ? "met" : "**not met**"));
        }
        if (capacity != null) {
            overload(md);
        }
        if (!floods.isEmpty()) {
            md.append("\n### People while a flood of bulk and replayed turns is shed\n\n");
            md.append("People at %.1f C (interactive), bulk and replayed turns at %s C together.\n\n"
                    .formatted(
                            settings.peopleShare(),
                            times(settings.floodMultiple()).replace("×", "")));
            md.append("| mode | people answered in time | people TTFT p99 | bulk/replay admitted | goodput / C"
                    + " | failed admitted | slots after |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
            for (DamBenchmark.Flood flood : floods) {
                Figures rest = new Figures(
                        flood.all().turns().stream()
                                .filter(t -> !t.priority().equals("interactive"))
                                .toList(),
                        flood.all().windowSeconds(),
                        flood.all().sloNanos());
                md.append("| %s | %s | %s | %s | %.3f | %d | %.0f |\n"
                        .formatted(
                                name(flood.mode()),
                                percent(flood.people().success()),
                                ms(flood.people().ttftMillis(0.99)),
                                percent(rest.offered() == 0 ? Double.NaN : (double) rest.admitted() / rest.offered()),
                                flood.all().goodput() / c(),
                                flood.all().failedAdmitted(),
                                flood.slotsAfter()));
            }
        }
        if (pipeline != null) {
            md.append("\n### The pipeline's own cost\n\n");
            md.append(("%d sessions open at once, each with its event stream open and its person asking again after"
                            + " reading and thinking (exponential, mean %s s), against a model with ample capacity and a"
                            + " fixed %.0f ms to its first token; the dam's capacity gates counted but not enforced"
                            + " (shadow). Overhead = the client's time to first token minus the model's: intake, dam,"
                            + " Kafka both ways, worker (memory, retrieval, prompt), SSE. Measured over %s s after %s s"
                            + " of the same load (people starting, and the fresh chat-api's JIT compiling), not"
                            + " counted.\n\n")
                    .formatted(
                            pipeline.sessions(),
                            seconds(settings.pipelineThink()),
                            pipeline.modelTtftNanos() / 1e6,
                            seconds(settings.measure()),
                            seconds(settings.pipelineLead())));
            md.append("| sessions | turns/s | most turns in flight | client TTFT p50 | client TTFT p99"
                    + " | overhead p50 | overhead p99 |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
            Figures f = pipeline.figures();
            md.append("| %d | %.1f | %d | %s | %s | %s | %s |\n"
                    .formatted(
                            pipeline.sessions(),
                            f.offeredPerSecond(),
                            pipeline.peakInFlight(),
                            ms(f.ttftMillis(0.5)),
                            ms(f.ttftMillis(0.99)),
                            ms(pipeline.overheadMillis(0.5)),
                            ms(pipeline.overheadMillis(0.99))));
            md.append(
                    "\nWhere the overhead is, split by the `done` event's own time from the turn's arrival at the"
                            + " intake to its first token at the worker: *to the worker's first token* is that minus the"
                            + " model's (the intake's gates, Kafka to the worker, memory, retrieval, the model's HTTP),"
                            + " *the rest* is the client's time to first token minus it (the POST's way in, the first delta's"
                            + " way back through Kafka, chat-api and SSE); each its own p50 and p99, so they do not add up.\n\n");
            md.append(
                    "| to the worker's first token p50 | p99 | the rest p50 | p99 |\n| ---: | ---: | ---: | ---: |\n");
            md.append("| %s | %s | %s | %s |\n"
                    .formatted(
                            ms(f.towardsWorkerMillis(0.5, pipeline.modelTtftNanos())),
                            ms(f.towardsWorkerMillis(0.99, pipeline.modelTtftNanos())),
                            ms(f.backFromWorkerMillis(0.5)),
                            ms(f.backFromWorkerMillis(0.99))));
            if (!pipeline.workerStages().isEmpty()) {
                md.append(
                        "\nThe worker's own stages over the same window (`protostar_worker_stage_seconds`, upper bounds"
                                + " of histogram buckets): *queued* from the intake's arrival to the worker taking the turn"
                                + " (the gates, Kafka), *announce* its ledger and `started`, *recall* the session's memory,"
                                + " *ground* retrieval and the grounding gate; what is left of *to the worker's first token*"
                                + " is the model's HTTP and the first chunk's parsing.\n\n");
                md.append("| stage | p50 | p99 |\n| --- | ---: | ---: |\n");
                pipeline.workerStages()
                        .forEach((stage, q) ->
                                md.append("| %s | %s | %s |\n".formatted(stage, tenths(q[0]), tenths(q[1]))));
            }
            if (!pipeline.cpuPerTurn().isEmpty()) {
                md.append("\nCPU time per turn over the same window (the machine has %d cores; at %.1f turns/s, 1 ms"
                                .formatted(Runtime.getRuntime().availableProcessors(), f.offeredPerSecond())
                        + " per turn is %.1f%% of one core):\n\n".formatted(f.offeredPerSecond() / 10));
                md.append("| " + String.join(" | ", pipeline.cpuPerTurn().keySet()) + " |\n|");
                md.append(" ---: |".repeat(pipeline.cpuPerTurn().size()) + "\n|");
                pipeline.cpuPerTurn().values().forEach(v -> md.append(" %.1f ms |".formatted(v)));
                md.append("\n");
            }
            RunQueue queue = pipeline.runQueue();
            if (queue.slices() > 0) {
                md.append(
                        ("\nWaiting for a core over the same window (every thread's `/proc/<pid>/task/<tid>/schedstat`,"
                                        + " the threads alive at both ends): %.1f ms per turn, %.2f threads runnable and waiting on"
                                        + " average; a thread made runnable waited **%.2f ms** on average before a core ran it, a"
                                        + " wait paid at every hand-off on a turn's way.\n")
                                .formatted(
                                        queue.waitNanos() / 1e6 / Math.max(1, f.offered()),
                                        queue.waitNanos()
                                                / (double) settings.measure().toNanos(),
                                        queue.meanWaitMillis()));
            }
        }
        md.append("\nWhat did not end in `done`, by mode and load (refusals by gate, errors by code):\n\n");
        for (DamBenchmark.Level level : levels) {
            md.append("- %s at %s: %s\n"
                    .formatted(name(level.mode()), times(level.multiple()), reasons(level.figures())));
        }
        for (DamBenchmark.Flood flood : floods) {
            md.append("- %s, flood: %s\n".formatted(name(flood.mode()), reasons(flood.all())));
        }
        return md.toString();
    }

    /** Capacity C, then the dam and each baseline at each multiple of it. */
    private void overload(StringBuilder md) {
        Figures atC = capacity.figures();
        md.append(
                ("\n### Capacity C\n\nThe highest offered rate that no admission control at all (mode `none`) serves with"
                                + " its p99 time to first token within %s s and no turn failed or refused, tried in rising shares of"
                                + " the model's nominal capacity (%d streams over the mean turn on an idle model: %.2f turns/s)."
                                + " It held at %.0f%% (%.2f turns/s offered): **C = %.2f turns/s** of goodput, time to first token"
                                + " p50 %s, p99 %s.%s\n")
                        .formatted(
                                seconds(settings.slo()),
                                capacity.streams(),
                                capacity.nominal(),
                                capacity.share() * 100,
                                atC.offeredPerSecond(),
                                c(),
                                ms(atC.ttftMillis(0.5)),
                                ms(atC.ttftMillis(0.99)),
                                capacity.held()
                                        ? ""
                                        : " **Even the lowest share broke the SLO: C is what it served.**"));
        md.append("\n### Offered load above capacity (open model, Poisson arrivals)\n\n");
        md.append("Rejection p99 is what the client waited for its refusal; *in the server* is the intake's own"
                + " p99 for the refusals of the same window (every gate, the problem written; the upper bound of its"
                + " histogram bucket), so the difference is the network stack and the machine's run queue; *quota* and"
                + " *session* are the p99s of the two gates that ask Redis, for every turn of the window; *floor* is what the"
                + " client waited (p99) for a request no gate sees (`GET /api/v1/me`, ten a second), on the same"
                + " machine at the same time.\n\n");
        md.append("| mode | load | offered/s | goodput / C | TTFT p50 | TTFT p99 | rejection p99 | in the server"
                + " | quota | session | floor | failed admitted | other errors | slots after |\n");
        md.append(
                "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (DamBenchmark.Level level : levels) {
            Figures f = level.figures();
            md.append("| %s | %s | %.1f | %.3f | %s | %s | %s | %s | %s | %s | %s | %d | %d | %.0f |\n"
                    .formatted(
                            name(level.mode()),
                            times(level.multiple()),
                            f.offeredPerSecond(),
                            f.goodput() / c(),
                            ms(f.ttftMillis(0.5)),
                            ms(f.ttftMillis(0.99)),
                            ms(f.rejectionMillis(0.99)),
                            tenths(level.server().refusalMillis()),
                            tenths(level.server().quotaMillis()),
                            tenths(level.server().sessionMillis()),
                            tenths(level.server().floorMillis()),
                            f.failedAdmitted(),
                            f.unclean(),
                            level.slotsAfter()));
        }
    }

    private static String reasons(Figures figures) {
        Map<String, Long> reasons = figures.reasons();
        return reasons.isEmpty()
                ? "nothing"
                : reasons.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", "));
    }

    static String name(String mode) {
        return switch (mode) {
            case "dam" -> "**dam**";
            case "none" -> "no admission control";
            case "throttle" -> "Camel Throttle (concurrent)";
            case "bulkhead" -> "resilience4j bulkhead";
            case "gradient2" -> "Netflix Gradient2";
            default -> mode;
        };
    }

    private static String times(double multiple) {
        return (multiple == Math.rint(multiple) ? String.valueOf((long) multiple) : String.valueOf(multiple)) + "×";
    }

    private static String ms(double millis) {
        return Double.isFinite(millis) ? String.format(Locale.ROOT, "%.0f ms", millis) : "–";
    }

    private static String tenths(double millis) {
        return Double.isFinite(millis) ? String.format(Locale.ROOT, "%.1f ms", millis) : "–";
    }

    private static String percent(double share) {
        return Double.isFinite(share) ? String.format(Locale.ROOT, "%.1f%%", share * 100) : "–";
    }

    private static String seconds(java.time.Duration duration) {
        return String.format(Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
    }
}
