package dev.protostar.ingestion.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.protostar.ingestion.parse.ParsedDocument.Format;
import dev.protostar.ingestion.parse.UnreadableDocumentException.Code;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class DeadlineTest {

    @Test
    void gives_up_on_a_parse_that_never_ends_and_interrupts_it() throws Exception {
        var interrupted = new CountDownLatch(1);

        var refusal = catchThrowableOfType(
                UnreadableDocumentException.class,
                () -> Deadline.run(Duration.ofMillis(50), Format.PDF, () -> {
                    try {
                        new CountDownLatch(1).await();
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                    }
                    return null;
                }));

        assertThat(refusal.code()).isEqualTo(Code.CORRUPT);
        assertThat(refusal.getMessage()).startsWith("Reading the PDF took more than");
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void passes_refusals_through_and_turns_anything_else_into_corrupt() {
        var refusal = catchThrowableOfType(
                UnreadableDocumentException.class,
                () -> Deadline.run(Duration.ofSeconds(5), Format.HWP, () -> {
                    throw Refusals.encrypted(Format.HWP);
                }));
        var crash = catchThrowableOfType(
                UnreadableDocumentException.class,
                () -> Deadline.run(Duration.ofSeconds(5), Format.HWP, () -> {
                    throw new IllegalStateException("record 0x42 out of range");
                }));

        assertThat(refusal.code()).isEqualTo(Code.ENCRYPTED);
        assertThat(crash.code()).isEqualTo(Code.CORRUPT);
        assertThat(crash.getMessage()).doesNotContain("0x42", "IllegalState");
    }

    @Test
    void returns_what_the_parse_returns() throws Exception {
        var ran = new AtomicBoolean();

        String result = Deadline.run(Duration.ofSeconds(5), Format.TEXT, () -> {
            ran.set(true);
            return "ok";
        });

        assertThat(result).isEqualTo("ok");
        assertThat(ran).isTrue();
    }
}
