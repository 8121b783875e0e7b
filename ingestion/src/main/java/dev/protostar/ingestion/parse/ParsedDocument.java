package dev.protostar.ingestion.parse;

import java.util.List;

/**
 * A document read into blocks.
 *
 * @param title the document's own title (metadata or first heading), else its file name
 * @param format what it was read as
 * @param blocks its content in reading order; never empty
 * @param ocr its text was recognised from page images (a scan or a photo), not taken from the file's text: it
 *     may hold misread characters, which whoever cites it should be able to say
 */
public record ParsedDocument(String title, Format format, List<Block> blocks, boolean ocr) {

    public ParsedDocument(String title, Format format, List<Block> blocks) {
        this(title, format, blocks, false);
    }

    public enum Format {
        PDF,
        DOCX,
        HWP,
        HTML,
        MARKDOWN,
        TEXT,
        JSON_RESUME,
        /** A PNG or JPEG picture of a resume: a scan or a photo, read by OCR. */
        IMAGE
    }
}
