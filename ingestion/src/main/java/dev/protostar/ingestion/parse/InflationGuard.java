package dev.protostar.ingestion.parse;

import dev.protostar.ingestion.parse.ParsedDocument.Format;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Inflates every compressed member of a document into nothing, counting, before any parser builds it in memory:
 * a member that grows past {@code maxRatio} times its compressed size, or members that together grow past
 * {@code maxTotal} bytes, make the document a decompression bomb.
 *
 * <p>Why not rely on the libraries: POI has this guard (ZipSecureFile), but Tika opens DOCX packages through a
 * path that skips it, and Tika's own guard (SecureContentHandler) only counts text after POI has already built
 * the whole XML tree — a 46 KB DOCX that inflates to 30 MB exhausts a 96 MB heap first. hwplib has no guard.
 * The pass costs one streaming inflate, bounded by the same limits.
 */
final class InflationGuard {

    /** Tiny members compress absurdly well (a run of identical styles) and cannot hurt: no ratio check below. */
    private static final long GRACE_BYTES = 1 << 20;

    private final int maxRatio;
    private final long maxTotal;

    InflationGuard(int maxRatio, long maxTotal) {
        this.maxRatio = maxRatio;
        this.maxTotal = maxTotal;
    }

    int maxRatio() {
        return maxRatio;
    }

    /** Checks every member of a ZIP (DOCX) as listed in its central directory, which is what POI reads. */
    void checkZip(byte[] zip, Format format) throws UnreadableDocumentException {
        Budget budget = budget(format);
        try (var file = ZipFile.builder()
                .setSeekableByteChannel(new SeekableInMemoryByteChannel(zip))
                .get()) {
            for (var entries = file.getEntries(); entries.hasMoreElements(); ) {
                var entry = entries.nextElement();
                try (var in = file.getInputStream(entry)) {
                    budget.member(in, entry.getCompressedSize());
                }
            }
        } catch (IOException e) {
            // Not a readable archive: left to the parser, which will call it damaged.
        }
    }

    Budget budget(Format format) {
        return new Budget(format);
    }

    /** The running count for one document. */
    final class Budget {
        private final Format format;
        private long total;

        private Budget(Format format) {
            this.format = format;
        }

        /** Reads an inflating stream to its end, refusing as soon as it grows too much. */
        void member(InputStream inflated, long compressedSize) throws IOException, UnreadableDocumentException {
            count(inflated, Math.max(compressedSize, 1) * maxRatio);
        }

        /** A member held to the total only: one that may compress absurdly well and still be harmless. */
        void counted(InputStream inflated) throws IOException, UnreadableDocumentException {
            count(inflated, Long.MAX_VALUE);
        }

        private void count(InputStream inflated, long maxSize) throws IOException, UnreadableDocumentException {
            byte[] buffer = new byte[64 * 1024];
            long size = 0;
            for (int n; (n = inflated.read(buffer)) > 0; ) {
                size += n;
                total += n;
                if ((size > GRACE_BYTES && size > maxSize) || total > maxTotal) {
                    throw Refusals.bomb(format, maxRatio);
                }
            }
        }
    }
}
