package dev.protostar.loadtest.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class FlagsTest {

    @Test
    void flags_override_the_defaults() {
        SimulatorConfig config = Flags.parse(
                new String[] {
                    "--port=0",
                    "--ttft-ms=50",
                    "--tokens-per-second=120.5",
                    "--max-streams=2000",
                    "--retry-after-seconds=3",
                    "--error-rate=0.1",
                    "--stall-rate=0.2",
                    "--stall-ms=700",
                    "--reply=Short = sweet."
                },
                SimulatorConfig.defaults());

        assertThat(config).isEqualTo(new SimulatorConfig(0, 50, 120.5, 2000, 3, 0.1, 0.2, 700, "Short = sweet."));
    }

    @Test
    void no_flags_keep_the_defaults() {
        assertThat(Flags.parse(new String[0], SimulatorConfig.defaults())).isEqualTo(SimulatorConfig.defaults());
    }

    @Test
    void names_the_flag_that_is_wrong() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Flags.parse(new String[] {"--ttfb=3"}, SimulatorConfig.defaults()))
                .withMessageContaining("--ttfb");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Flags.parse(new String[] {"--error-rate=2"}, SimulatorConfig.defaults()))
                .withMessageContaining("--error-rate");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Flags.parse(new String[] {"port=1"}, SimulatorConfig.defaults()));
    }
}
