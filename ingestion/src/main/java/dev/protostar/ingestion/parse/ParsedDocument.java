package dev.protostar.ingestion.parse;

import java.util.List;

/**
 * A document read into blocks.
 *
 * @param title the document's own title (metadata or first heading), else its file name
 * @param format what it was read as
 * @param blocks its content in reading order; never empty
 */
public record ParsedDocument(String title, Format format, List<Block> blocks) {

    public enum Format {
        PDF,
        DOCX,
        HWP,
        HTML,
        MARKDOWN,
        TEXT,
        JSON_RESUME
    }
}
