package dev.protostar.ingestion.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.protostar.ingestion.IngestionProperties;
import dev.protostar.ingestion.chunk.Chunk;
import dev.protostar.ingestion.parse.Block;
import dev.protostar.ingestion.parse.DocumentParser;
import dev.protostar.ingestion.parse.ParsedDocument;
import dev.protostar.ingestion.parse.ParsedDocument.Format;
import dev.protostar.ingestion.progress.Progress;
import dev.protostar.ingestion.store.DocumentVersions;
import dev.protostar.ingestion.store.StoredDocument;
import dev.protostar.kafka.message.IngestProgress;
import dev.protostar.kafka.message.IngestRequest;
import dev.protostar.search.embed.EmbeddingProperties;
import dev.protostar.search.keyword.KeywordAnalyzer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;
import org.springframework.util.unit.DataSize;

class IngestStagesTest {

    private static final List<Block> BLOCKS =
            List.of(Block.heading(1, "Mira Castellan"), Block.paragraph("Backend Engineer, 7 years"));

    private final Progress progress = mock(Progress.class);
    private final DocumentVersions versions = mock(DocumentVersions.class);
    private final EndedElsewhere ended = mock(EndedElsewhere.class);

    @Test
    void a_scan_reports_parsed_for_each_page_as_ocr_reads_it() throws Exception {
        DocumentParser scan = (name, content, pages) -> {
            for (int read = 0; read <= 2; read++) {
                pages.pagesRead(read, 2);
            }
            return new ParsedDocument("Mira Castellan", Format.PDF, BLOCKS, true);
        };

        assertThat(parse(scan)).containsExactly("parsed 0/2", "parsed 1/2", "parsed 2/2");
    }

    @Test
    void a_document_with_text_reports_parsed_once_with_its_blocks() throws Exception {
        DocumentParser text = (name, content, pages) -> new ParsedDocument("Mira Castellan", Format.PDF, BLOCKS);

        assertThat(parse(text)).containsExactly("parsed 2/2");
    }

    @Test
    void the_chunks_of_a_scan_are_stored_marked_ocr() throws Exception {
        var job = job();
        job.parsed = new ParsedDocument("Mira Castellan", Format.IMAGE, BLOCKS, true);
        job.chunks = List.of(new Chunk("Mira Castellan", "paragraph 1", "Backend Engineer, 7 years"));
        job.vectors = List.of(new float[] {1, 0});
        job.candidateId = UUID.randomUUID();
        job.contentHash = "hash";

        var saved = new StoredDocument[1];
        when(versions.store(any(), any(), any(), any())).thenAnswer(call -> {
            BiFunction<UUID, Boolean, StoredDocument> version = call.getArgument(3);
            saved[0] = version.apply(UUID.randomUUID(), false);
            return new DocumentVersions.Result(DocumentVersions.Outcome.STORED, saved[0].id());
        });

        stages(null).store().process(exchange(job));

        assertThat(saved[0].format()).isEqualTo("IMAGE");
        assertThat(saved[0].chunks()).singleElement().satisfies(c -> assertThat(c.ocr())
                .isTrue());
        assertThat(job.documentId).isEqualTo(saved[0].id());
    }

    @Test
    void a_version_the_store_refuses_because_the_ingestion_ended_otherwise_stops_the_route_and_follows_that_outcome()
            throws Exception {
        var job = job();
        job.parsed = new ParsedDocument("Mira Castellan", Format.PDF, BLOCKS);
        job.chunks = List.of(new Chunk("Mira Castellan", "paragraph 1", "Backend Engineer, 7 years"));
        job.vectors = List.of(new float[] {1, 0});
        job.candidateId = UUID.randomUUID();
        when(versions.store(any(), any(), any(), any()))
                .thenReturn(new DocumentVersions.Result(DocumentVersions.Outcome.DELETED, null));
        var exchange = exchange(job);

        stages(null).store().process(exchange);

        assertThat(exchange.isRouteStop()).isTrue();
        verify(ended).settle(job.request);
        verify(progress, never()).report(any());
    }

    private List<String> parse(DocumentParser parser) throws Exception {
        var job = job();
        job.content = new byte[] {1};

        stages(parser).parse().process(exchange(job));

        var reports = ArgumentCaptor.forClass(IngestProgress.class);
        verify(progress, Mockito.atLeastOnce()).report(reports.capture());
        return reports.getAllValues().stream()
                .map(p -> p.stage() + " " + p.done() + "/" + p.total())
                .toList();
    }

    private IngestStages stages(DocumentParser parser) {
        return new IngestStages(
                null,
                null,
                parser,
                null,
                null,
                new KeywordAnalyzer(),
                versions,
                progress,
                ended,
                new IngestionProperties(
                        DataSize.ofMegabytes(20), 2, Duration.ofHours(24), Duration.ofSeconds(150), 250, 400),
                new EmbeddingProperties(null, null, null, 16));
    }

    private static IngestJob job() {
        return new IngestJob(
                new IngestRequest(
                        UUID.randomUUID().toString(),
                        UUID.randomUUID().toString(),
                        "protostar",
                        "inbox/c/scan.pdf",
                        "etag",
                        Instant.now()),
                "scan.pdf");
    }

    private static Exchange exchange(IngestJob job) {
        var exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setVariable(IngestJob.VARIABLE, job);
        return exchange;
    }
}
