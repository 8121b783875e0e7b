package dev.protostar.ingestion.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protostar.ingestion.store.DocumentVersions.Holder;
import dev.protostar.ingestion.store.DocumentVersions.Outcome;
import dev.protostar.ingestion.store.DocumentVersions.Own;
import dev.protostar.kafka.message.IngestProgress;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DocumentVersionsTest {

    private static final Instant T = Instant.parse("2026-12-06T10:00:00Z");
    private static final UUID OURS = UUID.fromString("00000000-0000-4000-8000-000000000002");
    private static final UUID OTHER = UUID.fromString("00000000-0000-4000-8000-000000000003");
    private static final UUID DOCUMENT = UUID.randomUUID();

    @Test
    void a_first_upload_is_stored() {
        assertThat(DocumentVersions.decide(own("embedded", null, T), Optional.empty()))
                .isEqualTo(Outcome.STORED);
    }

    @Test
    void a_reingest_finishing_after_a_delete_stores_nothing() {
        var deleted = own(IngestProgress.FAILED, IngestProgress.DELETED_CODE, T);

        assertThat(DocumentVersions.decide(deleted, Optional.empty())).isEqualTo(Outcome.DELETED);
        assertThat(DocumentVersions.decide(deleted, Optional.of(new Holder(DOCUMENT, OTHER, T.minusSeconds(60)))))
                .isEqualTo(Outcome.DELETED);
    }

    @Test
    void a_stale_owner_finding_its_ingestion_already_ended_stores_nothing() {
        assertThat(DocumentVersions.decide(
                        own(IngestProgress.STORED, null, T), Optional.of(new Holder(DOCUMENT, OURS, T))))
                .isEqualTo(Outcome.ENDED);
        assertThat(DocumentVersions.decide(own(IngestProgress.FAILED, "CORRUPT", T), Optional.empty()))
                .isEqualTo(Outcome.ENDED);
    }

    @Test
    void of_two_uploads_of_one_name_the_later_one_is_kept_whichever_finishes_last() {
        var earlier = own("embedded", null, T);
        var later = new Own(OTHER, "embedded", null, T.plusSeconds(1));

        assertThat(DocumentVersions.decide(earlier, Optional.of(new Holder(DOCUMENT, OTHER, T.plusSeconds(1)))))
                .as("the earlier finishing second")
                .isEqualTo(Outcome.SUPERSEDED);
        assertThat(DocumentVersions.decide(later, Optional.of(new Holder(DOCUMENT, OURS, T))))
                .as("the later finishing second replaces")
                .isEqualTo(Outcome.STORED);
    }

    @Test
    void uploads_made_at_the_same_instant_are_ordered_by_id() {
        assertThat(DocumentVersions.decide(own("embedded", null, T), Optional.of(new Holder(DOCUMENT, OTHER, T))))
                .isEqualTo(Outcome.SUPERSEDED);
        assertThat(DocumentVersions.decide(
                        new Own(OTHER, "embedded", null, T), Optional.of(new Holder(DOCUMENT, OURS, T))))
                .isEqualTo(Outcome.STORED);
    }

    @Test
    void the_same_file_dropped_again_after_its_document_was_deleted_is_stored_again() {
        assertThat(DocumentVersions.decide(own(IngestProgress.STORED, null, T), Optional.empty()))
                .isEqualTo(Outcome.STORED);
    }

    private static Own own(String stage, String code, Instant createdAt) {
        return new Own(OURS, stage, code, createdAt);
    }
}
