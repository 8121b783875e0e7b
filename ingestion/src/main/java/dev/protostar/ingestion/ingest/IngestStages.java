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
import dev.protostar.ingestion.store.DocumentRepository;
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
    private final DocumentRepository repository;
    private final Progress progress;
    private final long maxFileSize;
    private final int embedBatch;

    IngestStages(
            Bucket bucket,
            Documents documents,
            DocumentParser parser,
            Chunker chunker,
            Embedder embedder,
            KeywordAnalyzer keywords,
            DocumentRepository repository,
            Progress progress,
            IngestionProperties properties,
            EmbeddingProperties embedding) {
        this.bucket = bucket;
        this.documents = documents;
        this.parser = parser;
        this.chunker = chunker;
        this.embedder = embedder;
        this.keywords = keywords;
        this.repository = repository;
        this.progress = progress;
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
                        "SUPERSEDED",
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

    /** One transaction: the document row and all its chunks, replacing an earlier version's. */
    Processor store() {
        return exchange -> {
            IngestJob job = IngestJob.of(exchange);
            job.documentId = job.current.map(Documents.Current::id).orElseGet(UUID::randomUUID);
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
            repository.save(new StoredDocument(
                    job.documentId,
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
                    job.current.isPresent()));
        };
    }

    Processor archive() {
        return exchange -> {
            IngestJob job = IngestJob.of(exchange);
            bucket.move(job.request.objectKey(), ObjectKeys.archived(job.request.objectKey()));
            if (job.unchanged()) {
                int chunks = job.current.orElseThrow().chunkCount();
                progress.report(new IngestProgress(
                        job.ingestionId(),
                        job.documentId.toString(),
                        IngestProgress.STORED,
                        chunks,
                        chunks,
                        "Unchanged: the same file is already stored; nothing was re-indexed.",
                        "UNCHANGED"));
            } else {
                report(job, IngestProgress.STORED, job.chunks.size(), job.chunks.size());
            }
        };
    }

    /** A file that will never be read: set aside under {@code failed/} and reported with its reason. */
    Processor refuse() {
        return exchange -> {
            IngestJob job = IngestJob.of(exchange);
            var why = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, UnreadableDocumentException.class);
            if (bucket.stat(job.request.objectKey()).isPresent()) {
                bucket.move(job.request.objectKey(), ObjectKeys.failed(job.request.objectKey()));
            }
            progress.report(IngestProgress.failed(job.ingestionId(), why.code().name(), why.getMessage()));
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
