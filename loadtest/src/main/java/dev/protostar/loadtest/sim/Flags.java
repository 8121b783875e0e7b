package dev.protostar.loadtest.sim;

/** The command line of {@link LlmSimulator#main}: {@code --name=value} flags over {@link SimulatorConfig#defaults}. */
final class Flags {

    static final String USAGE =
            """
            Usage: LlmSimulator [--name=value]...
              --port=8090                 0 picks a free port
              --ttft-ms=800               time to first token
              --tokens-per-second=30      streaming rate after the first token
              --max-streams=64            concurrent requests before 429
              --retry-after-seconds=1     Retry-After of a 429
              --error-rate=0              fraction answered 500
              --stall-rate=0              fraction of streams that stall halfway
              --stall-ms=5000             length of a stall
              --reply=TEXT                the answer to every request
            Prints the base URL for OpenAI clients (http://127.0.0.1:PORT/v1) and serves until stopped.
            Change behaviour at runtime: POST /sim/config with JSON fields (ttftMs, errorRate…);
            GET /sim/stats, POST /sim/reset; GET /sim/requests shows the last requests (the prompts) it received.""";

    private Flags() {}

    /** @throws IllegalArgumentException naming the flag that is unknown or malformed */
    static SimulatorConfig parse(String[] args, SimulatorConfig base) {
        SimulatorConfig config = base;
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("Expected --name=value, got: " + arg);
            }
            String name = arg.substring(2, eq);
            String value = arg.substring(eq + 1);
            try {
                config = apply(config, name, value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--" + name + ": " + e.getMessage(), e);
            }
        }
        return config;
    }

    private static SimulatorConfig apply(SimulatorConfig config, String name, String value) {
        return switch (name) {
            case "port" -> config.withPort(Integer.parseInt(value));
            case "ttft-ms" -> config.withTtftMs(Long.parseLong(value));
            case "tokens-per-second" -> config.withTokensPerSecond(Double.parseDouble(value));
            case "max-streams" -> config.withMaxStreams(Integer.parseInt(value));
            case "retry-after-seconds" -> config.withRetryAfterSeconds(Integer.parseInt(value));
            case "error-rate" -> config.withErrorRate(Double.parseDouble(value));
            case "stall-rate" -> config.withStall(Double.parseDouble(value), config.stallMs());
            case "stall-ms" -> config.withStall(config.stallRate(), Long.parseLong(value));
            case "reply" -> config.withReply(value);
            default -> throw new IllegalArgumentException("unknown flag");
        };
    }
}
