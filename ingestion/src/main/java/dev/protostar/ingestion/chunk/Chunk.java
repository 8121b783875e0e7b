package dev.protostar.ingestion.chunk;

/**
 * A piece of a document that is retrieved and cited as one.
 *
 * @param section the heading path it sits under, e.g. {@code 경력 > 한빛페이}; the document's title if none
 * @param location where in the file: {@code page 2}, {@code pages 2-3}, {@code paragraph 4}, {@code paragraphs 4-6}
 * @param text its content, blocks separated by line breaks
 */
public record Chunk(String section, String location, String text) {

    /** What is embedded and keyword-indexed: the section path travels with the text, so a question about
     *  "education" finds the chunk under {@code Education} even when its lines never say the word. */
    public String indexText() {
        return section + "\n" + text;
    }
}
