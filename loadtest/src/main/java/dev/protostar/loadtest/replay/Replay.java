package dev.protostar.loadtest.replay;

import dev.protostar.kafka.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The topic replay tool: {@code record} a window of {@code chat-requests} to a file, {@code play} it into
 * the intake at N× speed. Flags are {@code --name=value}; hosts and keys default to the local run's
 * environment ({@code PROTOSTAR_KAFKA_BOOTSTRAP}, {@code PROTOSTAR_BASE_URL}, {@code PROTOSTAR_RECRUITER_KEY}).
 */
public final class Replay {

    static final String USAGE =
            """
            Usage: Replay record (--last=10m | --from=2026-01-01T10:00:00Z [--to=…]) [--out=FILE]
                                 [--bootstrap=127.0.0.1:9092] [--topic=chat-requests]
                   Replay play --file=FILE [--speed=1] [--base-url=http://localhost:8080] [--key=RECRUITER_KEY]
                               [--candidate=ID] [--answer-timeout=120s]
              record  writes the window's records as JSON lines (timestamp, partition, offset, request)
              play    offers them to POST /api/v1/chat/sessions/{sid}/messages with Protostar-Priority: replay,
                      gaps divided by --speed, each recorded session as a fresh session for the same candidate
                      (or --candidate), its turns in order; prints offered/accepted/rejected/answered""";

    private Replay() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !List.of("record", "play").contains(args[0])) {
            System.err.println(USAGE);
            System.exit(2);
        }
        try {
            Map<String, String> flags = flags(List.of(args).subList(1, args.length));
            if (args[0].equals("record")) {
                record(flags);
            } else {
                play(flags);
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            System.exit(2);
        }
    }

    private static void record(Map<String, String> flags) throws Exception {
        Instant to = flags.containsKey("to") ? Instant.parse(flags.get("to")) : Instant.now();
        Instant from = flags.containsKey("last")
                ? to.minus(duration(flags.get("last")))
                : Instant.parse(required(flags, "from"));
        String bootstrap = flags.getOrDefault("bootstrap", env("PROTOSTAR_KAFKA_BOOTSTRAP", "127.0.0.1:9092"));
        String topic = flags.getOrDefault("topic", Topics.CHAT_REQUESTS.name());
        Path out = Path.of(flags.getOrDefault("out", "var/replay/chat-requests-" + from.getEpochSecond() + ".jsonl"));
        Recorder recorder = new Recorder(bootstrap);
        List<RecordedTurn> turns = recorder.record(topic, from, to);
        RecordFile.write(out, turns);
        System.out.printf(
                "recorded %d turns of %s from %s to %s into %s%s%n",
                turns.size(),
                topic,
                from,
                to,
                out,
                recorder.malformed() == 0 ? "" : " (" + recorder.malformed() + " malformed records left out)");
    }

    private static void play(Map<String, String> flags) throws Exception {
        Path file = Path.of(required(flags, "file"));
        double speed = Double.parseDouble(flags.getOrDefault("speed", "1"));
        String baseUrl = flags.getOrDefault("base-url", env("PROTOSTAR_BASE_URL", "http://localhost:8080"));
        String key = flags.getOrDefault("key", env("PROTOSTAR_RECRUITER_KEY", null));
        if (key == null) {
            throw new IllegalArgumentException("--key (or PROTOSTAR_RECRUITER_KEY) is required");
        }
        ReplayPlan plan = ReplayPlan.of(RecordFile.read(file), speed);
        System.out.printf(
                "replaying %d turns of %d sessions from %s at %sx into %s (about %d s)%n",
                plan.turns(),
                plan.sessions().size(),
                file,
                speed,
                baseUrl,
                plan.length().toSeconds());
        Player player = new Player(
                new IntakeClient(baseUrl, key),
                flags.get("candidate"),
                duration(flags.getOrDefault("answer-timeout", "120s")),
                System::nanoTime);
        Player.Result result = player.play(plan);
        System.out.println(result.tally().report());
    }

    /** {@code 90s}, {@code 10m}, {@code 2h}, plain seconds, or ISO-8601 ({@code PT10M}). */
    static Duration duration(String text) {
        String value = text.strip().toLowerCase();
        if (value.startsWith("pt")) {
            return Duration.parse(value.toUpperCase());
        }
        char unit = value.charAt(value.length() - 1);
        String number = Character.isDigit(unit) ? value : value.substring(0, value.length() - 1);
        long amount = Long.parseLong(number);
        return switch (unit) {
            case 'h' -> Duration.ofHours(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 's' -> Duration.ofSeconds(amount);
            default -> {
                if (!Character.isDigit(unit)) {
                    throw new IllegalArgumentException("not a duration: " + text);
                }
                yield Duration.ofSeconds(amount);
            }
        };
    }

    private static Map<String, String> flags(List<String> args) {
        Map<String, String> flags = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("Expected --name=value, got: " + arg);
            }
            flags.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        return flags;
    }

    private static String required(Map<String, String> flags, String name) {
        String value = flags.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
