package dev.protostar.ingestion.parse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The fixture documents, and one parser for all tests (Tika takes a second to set up). */
final class Documents {

    static final TikaDocumentParser PARSER = new TikaDocumentParser(ParseProperties.defaults());

    private Documents() {}

    static byte[] bytes(String name) {
        try (var in = Documents.class.getResourceAsStream("/documents/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ParsedDocument parse(String name) throws UnreadableDocumentException {
        return PARSER.parse(name, bytes(name));
    }

    /** Headings as "level text", in order: easy to read in a failed assertion. */
    static List<String> headings(ParsedDocument document) {
        return document.blocks().stream()
                .filter(b -> b.kind() == Block.Kind.HEADING)
                .map(b -> b.level() + " " + b.text())
                .toList();
    }

    static List<String> texts(ParsedDocument document, Block.Kind kind) {
        return document.blocks().stream()
                .filter(b -> b.kind() == kind)
                .map(Block::text)
                .toList();
    }

    static Block block(ParsedDocument document, String containing) {
        return document.blocks().stream()
                .filter(b -> b.text().contains(containing))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no block contains " + containing));
    }

    /** Every block obeys the contract: text collapsed and never blank. */
    static void assertWellFormed(ParsedDocument document) {
        org.assertj.core.api.Assertions.assertThat(document.blocks())
                .isNotEmpty()
                .allSatisfy(b -> {
                    org.assertj.core.api.Assertions.assertThat(b.text())
                            .isNotBlank()
                            .isEqualTo(Text.collapse(b.text()));
                    org.assertj.core.api.Assertions.assertThat(b.text()).doesNotContain("\uFFFD");
                });
    }
}
