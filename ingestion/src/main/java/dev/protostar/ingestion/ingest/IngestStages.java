package dev.protostar.ingestion.ingest;

import com.pgvector.PGvector;
import dev.protostar.ingestion.IngestionProperties;
import dev.protostar.ingestion.bucket.Bucket;
import dev.protostar.ingestion.bucket.ObjectKeys;
import dev.protostar.ingestion.chunk.Chunk;
import dev.protostar.ingestion.chunk.Chunker;
import dev.protostar.ingestion.parse.DocumentParser;
import dev.protostar.ingestion.parse.UnreadableDocumentException;
import dev.protostar.ingestion.parse.UnreadableDocumentException.Code;
import dev.protostar.ingestion.progress.Progress;
import dev.protostar.ingestion.store.DocumentVersions;
import dev.protostar.ingestion.store.Documents;
import dev.protostar.ingestion.store.StoredChunk;
import dev.protostar.ingestion.store.StoredDocument;
import dev.protostar.kafka.Json;
import dev.protostar.kafka.message.IngestProgress;
import dev.protostar.kafka.message.IngestRequest;
import dev.protostar.search.embed.Embedder;
import dev.protostar.search.embed.EmbeddingProperties;
import dev.protostar.search.keyword.KeywordAnalyzer;
import dev.protostar.search.tokens.TokenCounter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/** The stages of {@code ingest-document}, in the order the route runs them; each reports its progress. */
@Component
class IngestStages {

    private final Bucket bucket;
    private final Documents documents;
    private final DocumentParser parser;
    private final Chunker chunker;
    private final Embedder embedder;
    private final KeywordAnalyzer keywords;
    private final DocumentVersions versions;
    private final Progress progress;
    private final EndedElsewhere ended;
    private final long maxFileSize;
    private final int embedBatch;

    IngestStages(
            Bucket bucket,
            Documents documents,
            DocumentParser parser,
            Chunker chunker,
            Embedder embedder,
            KeywordAnalyzer keywords,
            DocumentVersions versions,
            Progress progress,
            EndedElsewhere ended,
            IngestionProperties properties,
            EmbeddingProperties embedding) {
        this.bucket = bucket;
        this.documents = documents;
        this.parser = parser;
        this.chunker = chunker;
        this.embedder = embedder;
        this.keywords = keywords;
        this.versions = versions;
        this.progress = progress;
        this.ended = ended;
        this.maxFileSize = properties.maxFileSize().toBytes();
        this.embedBatch = embedding.batchSize();
    }

    Processor read() {
        return exchange -> {
            IngestRequest request = Json.read(exchange.getMessage().getBody(byte[].class), IngestRequest.class);
            exchange.setVariable(IngestJob.VARIABLE, new IngestJob(request, ObjectKeys.fileName(request.objectKey())));
        };
    }

    /** The file's bytes, unless it is gone (an earlier delivery finished it), replaced, too large or orphaned. */
    Processor fetch() {
        return exchange -> {
            IngestJob job = IngestJob.of(exchange);
            job.candidateId = ObjectKeys.candidateId(job.request.objectKey())
                    .filter(documents::candidateExists)
                    .orElseThrow(() -> new UnreadableDocumentException(
                            Code.NO_CANDIDATE,
                            "No candidate owns this file: files go under inbox/{candidateId}/ with the id of an"
                                    + " existing candidate (create the candidate first)."));
            var info = bucket.stat(job.request.objectKey());
            if (info.isEmpty()) {
                exchange.setRouteStop(true);
                return;
            }
            if (!info.get().etag().equals(job.request.etag())) {
                progress.report(IngestProgress.failed(
                        job.ingestionId(),
                        IngestProgress.SUPERSEDED_CODE,
                        "A newer version of the file replaced it before it was read; that version is ingested"
                                + " instead."));
                exchange.setRouteStop(true);
                return;
            }
            job.size = info.get().size();
            if (job.size > maxFileSize) {
                throw new UnreadableDocumentException(
                        Code.TOO_LARGE,
                        "The file is " + megabytes(job.size) + "; the limit is " + megabytes(maxFileSize) + ".");
            }
            job.content = bucket.read(job.request.objectKey(), maxFileSize);
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(IngestJob.INDEX_VERSION.getBytes(StandardCharsets.UTF_8));
            job.contentHash = HexFormat.of().formatHex(sha256.digest(job.content));
            job.current = documents.current(job.candidateId, job.fileName);
        };
    }

    Processor keep() {
        return exchange -> IngestJob.of(exchange).documentId =
                IngestJob.of(exchange).current.orElseThrow().id();
    }

    /**
     * A scan is read by OCR, seconds a page: it reports {@code parsed} for each page as it is read (0 of n first,
     * as {@code embedded} reports each batch); any other document once, with its blocks.
     */
    Processor parse() {
        return exchange -> {
            IngestJob job = IngestJob.of(exchange);
            job.parsed = parser.parse(
                    job.fileName, job.content, (read, total) -> report(job, IngestProgress.PARSED, read, total));
            if (!job.parsed.ocr()) {
                int blocks = job.parsed.blocks().size();
                report(job, IngestProgress.PARSED, blocks, blocks);
            }
        };
    }

    Processor chunk() {
        return exchange -> {
            IngestJob job = IngestJob.of(exchange);
            job.chunks = chunker.chunk(job.parsed);
            report(job, IngestProgress.CHUNKED, job.chunks.size(), job.chunks.size());
        };
    }

    /** In batches, reporting after each: a long document shows its progress. */
    Processor embed() {
        return exchange -> {
            IngestJob job = IngestJob.of(exchange);
            List<String> texts = job.chunks.stream().map(Chunk::indexText).toList();
            job.vectors = new ArrayList<>();
            for (int from = 0; from < texts.size(); from += embedBatch) {
                job.vectors.addAll(embedder.embed(texts.subList(from, Math.min(texts.size(), from + embedBatch))));
                report(job, IngestProgress.EMBEDDED, job.vectors.size(), texts.size());
            }
        };
    }

    /**
     * One transaction: the document row and all its chunks, replacing an earlier version's, and the ingestion marked
     * stored — unless it ended otherwise meanwhile or a later upload of the name is stored ({@link DocumentVersions}).
     */
    Processor store() {
        return exchange -> {
            IngestJob job = IngestJob.of(exchange);
            List<StoredChunk> chunks = new ArrayList<>();
            for (int i = 0; i < job.chunks.size(); i++) {
                Chunk chunk = job.chunks.get(i);
                chunks.add(new StoredChunk(
                        UUID.randomUUID(),
                        job.candidateId,
                        chunk.section(),
                        chunk.location(),
                        chunk.text(),
                        TokenCounter.count(chunk.text()),
                        keywords.indexText(chunk.indexText()),
                        new PGvector(job.vectors.get(i)),
                        job.parsed.ocr()));
            }
            var result = versions.store(
                    UUID.fromString(job.ingestionId()),
                    job.candidateId,
                    job.fileName,
                    (documentId, replacing) -> new StoredDocument(
                            documentId,
                            job.candidateId,
                            job.fileName,
                            job.parsed.title(),
                            job.parsed.format().name(),
                            job.size,
                            job.contentHash,
                            chunks.size(),
                            UUID.fromString(job.ingestionId()),
                            ObjectKeys.archived(job.request.objectKey()),
                            Instant.now(),
                            chunks,
                            replacing));
            switch (result.outcome()) {
                case STORED -> job.documentId = result.documentId();
                case SUPERSEDED -> {
                    String key = job.request.objectKey();
                    boolean told = progress.report(
                            IngestProgress.failed(
                                    job.ingestionId(),
                                    IngestProgress.SUPERSEDED_CODE,
                                    "A later upload of " + job.fileName + " was stored while this one was read;"
                                            + " the later one is kept, this one was not stored."),
                            () -> bucket.move(key, ObjectKeys.failed(key)));
                    if (!told) {
                        ended.settle(job.request);
                    }
                    exchange.setRouteStop(true);
                }
                case DELETED, ENDED -> {
                    ended.settle(job.request);
                    exchange.setRouteStop(true);
                }
            }
        };
    }

    Processor archive() {
        return exchange -> {
            IngestJob job = IngestJob.of(exchange);
            String key = job.request.objectKey();
            int chunks = job.unchanged() ? job.current.orElseThrow().chunkCount() : job.chunks.size();
            var stored = job.unchanged()
                    ? new IngestProgress(
                            job.ingestionId(),
                            job.documentId.toString(),
                            IngestProgress.STORED,
                            chunks,
                            chunks,
                            "Unchanged: the same file is already stored; nothing was re-indexed.",
                            "UNCHANGED")
                    : IngestProgress.of(
                            job.ingestionId(), job.documentId.toString(), IngestProgress.STORED, chunks, chunks);
            if (!progress.report(stored, () -> bucket.move(key, ObjectKeys.archived(key)))) {
                ended.settle(job.request);
            }
        };
    }

    /** A file that will never be read: set aside under {@code failed/} and reported with its reason. */
    Processor refuse() {
        return exchange -> {
            IngestJob job = IngestJob.of(exchange);
            var why = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, UnreadableDocumentException.class);
            String key = job.request.objectKey();
            if (!progress.report(
                    IngestProgress.failed(job.ingestionId(), why.code().name(), why.getMessage()),
                    () -> bucket.move(key, ObjectKeys.failed(key)))) {
                ended.settle(job.request);
            }
        };
    }

    private void report(IngestJob job, String stage, int done, int total) {
        progress.report(IngestProgress.of(
                job.ingestionId(), job.documentId == null ? null : job.documentId.toString(), stage, done, total));
    }

    private static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
