package dev.protostar.ingestion.parse;

/**
 * One structural piece of a document, in reading order: what the chunker follows.
 *
 * @param kind heading, paragraph, list item or table row
 * @param level a heading's level (1 = top), a list item's nesting (1 = top); 0 otherwise
 * @param text the piece's text, whitespace collapsed, never blank
 * @param page the page it is on (PDF), or 0 where a format has no pages
 */
public record Block(Kind kind, int level, String text, int page) {

    public enum Kind {
        HEADING,
        PARAGRAPH,
        LIST_ITEM,
        TABLE_ROW
    }

    public static Block heading(int level, String text) {
        return new Block(Kind.HEADING, level, text, 0);
    }

    public static Block paragraph(String text) {
        return new Block(Kind.PARAGRAPH, 0, text, 0);
    }

    public Block onPage(int page) {
        return new Block(kind, level, text, page);
    }
}
