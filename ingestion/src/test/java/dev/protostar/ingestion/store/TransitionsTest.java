package dev.protostar.ingestion.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protostar.kafka.message.IngestProgress;
import org.junit.jupiter.api.Test;

class TransitionsTest {

    private static final String ID = "5b1c0a52-0000-4000-8000-000000000001";

    @Test
    void an_unfinished_ingestion_takes_any_stage() {
        for (String stage : new String[] {"uploaded", "received", "parsed", "embedded"}) {
            assertThat(Transitions.allowed(stage, null, IngestProgress.failed(ID, "CORRUPT", "damaged")))
                    .isTrue();
            assertThat(Transitions.allowed(stage, null, progress(IngestProgress.STORED)))
                    .isTrue();
        }
    }

    @Test
    void a_stale_owner_failing_late_does_not_turn_a_stored_document_into_failed() {
        assertThat(Transitions.allowed("stored", null, IngestProgress.failed(ID, "INTERNAL", "stopped")))
                .isFalse();
        assertThat(Transitions.allowed("stored", null, IngestProgress.failed(ID, "CORRUPT", "took too long")))
                .isFalse();
    }

    @Test
    void a_stale_owner_reporting_late_progress_does_not_move_a_finished_ingestion_back() {
        assertThat(Transitions.allowed("stored", null, progress(IngestProgress.EMBEDDED)))
                .isFalse();
        assertThat(Transitions.allowed("failed", "CORRUPT", progress(IngestProgress.PARSED)))
                .isFalse();
    }

    @Test
    void the_first_final_outcome_stands_and_only_the_same_one_again_passes() {
        assertThat(Transitions.allowed("stored", null, progress(IngestProgress.STORED)))
                .isTrue();
        assertThat(Transitions.allowed("failed", "CORRUPT", IngestProgress.failed(ID, "CORRUPT", "damaged")))
                .isTrue();
        assertThat(Transitions.allowed("failed", "CORRUPT", IngestProgress.failed(ID, "INTERNAL", "stopped")))
                .isFalse();
        assertThat(Transitions.allowed("failed", "CORRUPT", progress(IngestProgress.STORED)))
                .isFalse();
    }

    @Test
    void a_deleted_ingestion_never_restarts_but_a_failed_file_put_back_does() {
        assertThat(Transitions.allowed("failed", IngestProgress.DELETED_CODE, progress(IngestProgress.RECEIVED)))
                .isFalse();
        assertThat(Transitions.allowed("failed", IngestProgress.DELETED_CODE, progress(IngestProgress.STORED)))
                .isFalse();
        assertThat(Transitions.allowed("failed", "NO_CANDIDATE", progress(IngestProgress.RECEIVED)))
                .isTrue();
        assertThat(Transitions.allowed("stored", null, progress(IngestProgress.RECEIVED)))
                .isFalse();
    }

    private static IngestProgress progress(String stage) {
        return IngestProgress.of(ID, null, stage, 1, 1);
    }
}
