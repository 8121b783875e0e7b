package dev.protostar.ingestion.parse;

/** Reads a file into blocks. The seam between ingestion and any parser library. */
public interface DocumentParser {

    /**
     * @param fileName the file's name as uploaded or dropped (its extension is checked against its content)
     * @throws UnreadableDocumentException when the file cannot or must not be read; its message says why,
     *     for the person who sent the file
     */
    ParsedDocument parse(String fileName, byte[] content) throws UnreadableDocumentException;
}
