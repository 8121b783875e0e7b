package dev.protostar.ingestion.chunk;

import dev.protostar.ingestion.IngestionProperties;
import dev.protostar.ingestion.parse.Block;
import dev.protostar.ingestion.parse.ParsedDocument;
import dev.protostar.search.text.Sentences;
import dev.protostar.search.tokens.TokenCounter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Chunks that follow the document: a chunk never crosses a heading, so each carries one section path
 * ({@code 경력 > 한빛페이}); within a section, short paragraphs are merged until the chunk reaches its
 * target size, and a paragraph longer than the maximum is split at sentence ends. Sizes are BPE tokens.
 */
@Component
public class SectionChunker implements Chunker {

    private final int targetTokens;
    private final int maxTokens;

    @Autowired
    SectionChunker(IngestionProperties properties) {
        this(properties.chunkTokens(), properties.maxChunkTokens());
    }

    SectionChunker(int targetTokens, int maxTokens) {
        this.targetTokens = targetTokens;
        this.maxTokens = maxTokens;
    }

    @Override
    public List<Chunk> chunk(ParsedDocument document) {
        List<Chunk> chunks = new ArrayList<>();
        List<String> headings = new ArrayList<>();
        List<Integer> levels = new ArrayList<>();
        Piece piece = new Piece();
        int ordinal = 0;
        for (Block block : document.blocks()) {
            if (block.kind() == Block.Kind.HEADING) {
                piece.flushInto(chunks, section(document, headings));
                while (!levels.isEmpty() && levels.getLast() >= block.level()) {
                    levels.removeLast();
                    headings.removeLast();
                }
                levels.add(block.level());
                headings.add(block.text());
                continue;
            }
            ordinal++;
            for (String part : fit(block.text())) {
                if (!piece.isEmpty() && piece.tokens + TokenCounter.count(part) > targetTokens) {
                    piece.flushInto(chunks, section(document, headings));
                }
                piece.add(part, block.page(), ordinal);
            }
        }
        piece.flushInto(chunks, section(document, headings));
        return chunks;
    }

    /** The block as it is, or cut at sentence ends into parts of at most {@code maxTokens}. */
    private List<String> fit(String text) {
        if (TokenCounter.count(text) <= maxTokens) {
            return List.of(text);
        }
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (String sentence : Sentences.split(text)) {
            if (!part.isEmpty() && TokenCounter.count(part + " " + sentence) > maxTokens) {
                parts.add(part.toString());
                part.setLength(0);
            }
            part.append(part.isEmpty() ? "" : " ").append(sentence);
        }
        if (!part.isEmpty()) {
            parts.add(part.toString());
        }
        return parts;
    }

    private static String section(ParsedDocument document, List<String> headings) {
        return headings.isEmpty() ? document.title() : String.join(" > ", headings);
    }

    /** The chunk being filled: its text, size and where its blocks came from. */
    private static final class Piece {

        private final StringBuilder text = new StringBuilder();
        private int tokens;
        private int firstPage;
        private int lastPage;
        private int firstOrdinal;
        private int lastOrdinal;

        boolean isEmpty() {
            return text.isEmpty();
        }

        void add(String part, int page, int ordinal) {
            if (isEmpty()) {
                firstPage = page;
                firstOrdinal = ordinal;
            } else {
                text.append('\n');
            }
            text.append(part);
            tokens = TokenCounter.count(text.toString());
            lastPage = page;
            lastOrdinal = ordinal;
        }

        void flushInto(List<Chunk> chunks, String section) {
            if (isEmpty()) {
                return;
            }
            chunks.add(new Chunk(section, location(), text.toString()));
            text.setLength(0);
            tokens = 0;
        }

        private String location() {
            if (firstPage > 0) {
                return firstPage == lastPage ? "page " + firstPage : "pages " + firstPage + "-" + lastPage;
            }
            return firstOrdinal == lastOrdinal
                    ? "paragraph " + firstOrdinal
                    : "paragraphs " + firstOrdinal + "-" + lastOrdinal;
        }
    }
}
