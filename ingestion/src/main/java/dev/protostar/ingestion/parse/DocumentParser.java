package dev.protostar.ingestion.parse;

/** Reads a file into blocks. The seam between ingestion and any parser library. */
public interface DocumentParser {

    /**
     * @param fileName the file's name as uploaded or dropped (its extension is checked against its content)
     * @param pages told of each page read where reading takes long enough to be worth following (scans)
     * @throws UnreadableDocumentException when the file cannot or must not be read; its message says why,
     *     for the person who sent the file
     */
    ParsedDocument parse(String fileName, byte[] content, PageProgress pages) throws UnreadableDocumentException;

    default ParsedDocument parse(String fileName, byte[] content) throws UnreadableDocumentException {
        return parse(fileName, content, PageProgress.NONE);
    }
}
