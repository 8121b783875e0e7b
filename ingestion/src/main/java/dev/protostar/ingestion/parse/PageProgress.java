package dev.protostar.ingestion.parse;

/**
 * Hears how far the reading of a paged document has got. Only scans report it: OCR takes seconds a page, so
 * whoever waits on the document is told each page as it is read, starting with {@code 0} of {@code total}.
 */
@FunctionalInterface
public interface PageProgress {

    PageProgress NONE = (read, total) -> {};

    void pagesRead(int read, int total);
}
