package dev.protostar.ingestion.parse;

import dev.protostar.ingestion.parse.Block.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Turns the XHTML every Tika parser writes into blocks: {@code h1..h6} headings, {@code li} list items (nested
 * lists give levels), {@code tr} table rows ({@link XhtmlTable}: cells joined with " | ", a header row's labels
 * carried into the cells), everything else paragraphs. PDF pages
 * arrive as {@code <div class="page">} and number the blocks; Word list paragraphs arrive as
 * {@code <p class="list_...">}.
 *
 * <p>It is also where a parse is bounded: it stops the parser (by throwing) when the text passes the
 * character limit or when the parsing thread is interrupted because it ran out of time.
 */
final class XhtmlBlocks extends DefaultHandler {

    private static final Set<String> BLOCK_ELEMENTS = Set.of(
            "p",
            "div",
            "blockquote",
            "pre",
            "dd",
            "dt",
            "dl",
            "table",
            "thead",
            "tbody",
            "tfoot",
            "caption",
            "section",
            "article",
            "header",
            "footer",
            "aside",
            "main",
            "form",
            "fieldset",
            "address",
            "figure",
            "figcaption",
            "hr");

    /** Stops the parser; never leaves {@link TikaReader}. */
    static final class Stop extends SAXException {
        Stop(String message) {
            super(message);
        }
    }

    private final boolean keepLines;
    private final boolean paged;
    private final int maxCharacters;
    private final List<Block> blocks = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private final Deque<Integer> items = new ArrayDeque<>();
    private XhtmlTable table;
    private int skipped;
    private int heading;
    private int lists;
    private boolean listParagraph;
    private int page;
    private long characters;
    private boolean overLimit;
    private boolean interrupted;

    /**
     * @param keepLines keep line breaks inside paragraphs, for {@link HeadingHeuristic} to read (PDF, HWP)
     * @param paged count {@code <div class="page">} elements (PDF)
     */
    XhtmlBlocks(boolean keepLines, boolean paged, int maxCharacters) {
        this.keepLines = keepLines;
        this.paged = paged;
        this.maxCharacters = maxCharacters;
    }

    List<Block> blocks() {
        flush();
        return blocks;
    }

    boolean overLimit() {
        return overLimit;
    }

    boolean interrupted() {
        return interrupted;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
        String name = localName.isEmpty() ? qName : localName;
        if (name.equals("head") || skipped > 0) {
            skipped++;
            return;
        }
        if (table != null && table.inCell()) {
            table.startInCell(name);
            return;
        }
        switch (name) {
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                flush();
                heading = name.charAt(1) - '0';
            }
            case "ul", "ol" -> {
                flush();
                lists++;
            }
            case "li" -> {
                flush();
                items.push(Math.max(lists, 1));
            }
            case "table" -> {
                flush();
                table = new XhtmlTable();
            }
            case "tr" -> {
                flush();
                if (table == null) {
                    table = new XhtmlTable();
                }
                table.startRow();
            }
            case "td", "th" -> {
                if (table != null) {
                    table.startCell(name.equals("th"));
                }
            }
            case "br" -> text.append('\n');
            default -> startBlock(name, attributes);
        }
    }

    private void startBlock(String name, Attributes attributes) {
        if (name.equals("div") && paged && "page".equals(attributes.getValue("class"))) {
            flush();
            page++;
        } else if (name.equals("p")) {
            flush();
            String style = attributes.getValue("class");
            listParagraph = style != null && style.startsWith("list");
        } else if (BLOCK_ELEMENTS.contains(name)) {
            flush();
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        String name = localName.isEmpty() ? qName : localName;
        if (skipped > 0) {
            skipped--;
            return;
        }
        if (table != null && table.inCell()) {
            table.endInCell(name);
            return;
        }
        switch (name) {
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                flush();
                heading = 0;
            }
            case "ul", "ol" -> {
                flush();
                lists = Math.max(lists - 1, 0);
            }
            case "li" -> {
                flush();
                items.poll();
            }
            case "tr" -> rows(table == null ? List.of() : table.endRow());
            case "table" -> {
                rows(table == null ? List.of() : table.end());
                table = null;
            }
            default -> {
                if (name.equals("p") || BLOCK_ELEMENTS.contains(name)) {
                    flush();
                    listParagraph = false;
                }
            }
        }
    }

    private void rows(List<String> lines) {
        for (String line : lines) {
            blocks.add(new Block(Kind.TABLE_ROW, 0, line, paged ? page : 0));
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (skipped > 0) {
            return;
        }
        if (Thread.currentThread().isInterrupted()) {
            interrupted = true;
            throw new Stop("interrupted");
        }
        characters += length;
        if (characters > maxCharacters) {
            overLimit = true;
            throw new Stop("over the character limit");
        }
        if (table != null && table.inCell()) {
            table.text(ch, start, length);
        } else {
            text.append(ch, start, length);
        }
    }

    /** Tika writes the line breaks inside a PDF paragraph as ignorable whitespace: they matter here. */
    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
        if (skipped > 0) {
            return;
        }
        if (table != null && table.inCell()) {
            table.space();
        } else {
            text.append(ch, start, length);
        }
    }

    private void flush() {
        if (text.isEmpty()) {
            return;
        }
        int where = paged ? page : 0;
        if (heading > 0) {
            add(new Block(Kind.HEADING, heading, Text.collapse(text), where));
        } else if (!items.isEmpty()) {
            add(new Block(Kind.LIST_ITEM, items.peek(), Text.collapse(text), where));
        } else if (listParagraph) {
            add(new Block(Kind.LIST_ITEM, 1, Text.collapse(text), where));
        } else {
            add(new Block(Kind.PARAGRAPH, 0, keepLines ? Text.collapseLines(text) : Text.collapse(text), where));
        }
        text.setLength(0);
    }

    private void add(Block block) {
        if (!block.text().isEmpty()) {
            blocks.add(block);
        }
    }
}
