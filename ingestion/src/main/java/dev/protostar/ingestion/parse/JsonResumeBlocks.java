package dev.protostar.ingestion.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.protostar.ingestion.parse.Block.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Maps a JSON Resume (jsonresume.org schema) to the sections a person would write: "Work" with one sub-heading
 * per position, its dates, summary and one list item per highlight; "Education", "Skills" ({@code name:
 * keywords}), and so on in the schema's order. The profile section ("Profile") carries the label, summary,
 * location and public profiles.
 *
 * <p>Email, phone and street address are deliberately left out: chunks are shown to recruiters as quotes and
 * sent to a language model, and contact details reach a recruiter through the candidate, not through a
 * chatbot's answer.
 */
final class JsonResumeBlocks {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SECTIONS = List.of("basics", "work", "education", "skills");

    private final List<Block> blocks = new ArrayList<>();

    private JsonResumeBlocks() {}

    record Result(String title, List<Block> blocks) {}

    static Result parse(String json) throws UnreadableDocumentException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw Refusals.invalidJson(at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr());
        }
        if (root == null || !root.isObject() || SECTIONS.stream().noneMatch(root::hasNonNull)) {
            throw Refusals.notAJsonResume();
        }
        var reader = new JsonResumeBlocks();
        reader.read(root);
        return new Result(text(root.path("basics"), "name"), reader.blocks);
    }

    private void read(JsonNode resume) {
        basics(resume.path("basics"));
        entries(resume, "work", "Work", e -> join(" — ", or(e, "name", "company"), text(e, "position")));
        entries(resume, "volunteer", "Volunteer", e -> join(" — ", text(e, "organization"), text(e, "position")));
        education(resume.path("education"));
        entries(resume, "awards", "Awards", e -> join(" — ", text(e, "title"), text(e, "awarder")));
        for (JsonNode c : each(resume, "certificates", "Certificates")) {
            add(Kind.LIST_ITEM, 1, join(", ", join(" — ", text(c, "name"), text(c, "issuer")), text(c, "date")));
        }
        entries(resume, "publications", "Publications", e -> join(" — ", text(e, "name"), text(e, "publisher")));
        for (JsonNode s : each(resume, "skills", "Skills")) {
            add(Kind.LIST_ITEM, 1, labelled(join(" ", text(s, "name"), parenthesised(text(s, "level"))), words(s)));
        }
        for (JsonNode l : each(resume, "languages", "Languages")) {
            add(Kind.LIST_ITEM, 1, labelled(text(l, "language"), text(l, "fluency")));
        }
        for (JsonNode i : each(resume, "interests", "Interests")) {
            add(Kind.LIST_ITEM, 1, labelled(text(i, "name"), words(i)));
        }
        for (JsonNode r : each(resume, "references", "References")) {
            add(Kind.PARAGRAPH, 0, join(" — ", text(r, "reference"), text(r, "name")));
        }
        entries(resume, "projects", "Projects", e -> text(e, "name"));
    }

    private void basics(JsonNode basics) {
        if (!basics.isObject()) {
            return;
        }
        add(Kind.HEADING, 1, "Profile");
        add(Kind.PARAGRAPH, 0, join(" — ", text(basics, "name"), text(basics, "label")));
        add(Kind.PARAGRAPH, 0, text(basics, "summary"));
        JsonNode location = basics.path("location");
        add(
                Kind.PARAGRAPH,
                0,
                labelled(
                        "Location",
                        join(", ", text(location, "city"), text(location, "region"), text(location, "countryCode"))));
        add(Kind.PARAGRAPH, 0, labelled("Website", text(basics, "url")));
        for (JsonNode profile : basics.path("profiles")) {
            add(
                    Kind.LIST_ITEM,
                    1,
                    labelled(
                            text(profile, "network"),
                            join(" ", text(profile, "username"), parenthesised(text(profile, "url")))));
        }
    }

    /** A section of dated entries: sub-heading, dates, location, description, summary, highlights. */
    private void entries(
            JsonNode resume, String field, String heading, java.util.function.Function<JsonNode, String> name) {
        for (JsonNode entry : each(resume, field, heading)) {
            add(Kind.HEADING, 2, name.apply(entry));
            add(Kind.PARAGRAPH, 0, dates(entry));
            add(Kind.PARAGRAPH, 0, text(entry, "location"));
            add(Kind.PARAGRAPH, 0, text(entry, "description"));
            add(Kind.PARAGRAPH, 0, text(entry, "summary"));
            for (JsonNode highlight : entry.path("highlights")) {
                add(Kind.LIST_ITEM, 1, highlight.asText(""));
            }
            add(Kind.PARAGRAPH, 0, labelled("Keywords", words(entry)));
        }
    }

    private void education(JsonNode education) {
        if (!education.isArray() || education.isEmpty()) {
            return;
        }
        add(Kind.HEADING, 1, "Education");
        for (JsonNode e : education) {
            add(Kind.HEADING, 2, text(e, "institution"));
            add(Kind.PARAGRAPH, 0, join(", ", text(e, "studyType"), text(e, "area")));
            add(Kind.PARAGRAPH, 0, dates(e));
            add(Kind.PARAGRAPH, 0, labelled("Score", text(e, "score")));
            for (JsonNode course : e.path("courses")) {
                add(Kind.LIST_ITEM, 1, course.asText(""));
            }
        }
    }

    /** The entries of an array section, after writing its heading; nothing when the section is absent. */
    private Iterable<JsonNode> each(JsonNode resume, String field, String heading) {
        JsonNode array = resume.path(field);
        if (!array.isArray() || array.isEmpty()) {
            return List.of();
        }
        add(Kind.HEADING, 1, heading);
        return () -> StreamSupport.stream(array.spliterator(), false)
                .filter(JsonNode::isObject)
                .iterator();
    }

    private static String dates(JsonNode entry) {
        String start = or(entry, "startDate", "date", "releaseDate");
        String end = text(entry, "endDate");
        if (start.isEmpty()) {
            return end;
        }
        return entry.has("startDate") ? start + " – " + (end.isEmpty() ? "present" : end) : start;
    }

    private void add(Kind kind, int level, String text) {
        String clean = Text.collapse(text);
        if (!clean.isEmpty()) {
            blocks.add(new Block(kind, level, clean, 0));
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() ? value.asText("").strip() : "";
    }

    private static String or(JsonNode node, String... fields) {
        return Arrays.stream(fields)
                .map(f -> text(node, f))
                .filter(s -> !s.isEmpty())
                .findFirst()
                .orElse("");
    }

    private static String words(JsonNode node) {
        return StreamSupport.stream(node.path("keywords").spliterator(), false)
                .map(k -> k.asText("").strip())
                .filter(k -> !k.isEmpty())
                .collect(Collectors.joining(", "));
    }

    private static String labelled(String label, String value) {
        if (value.isEmpty()) {
            return "";
        }
        return label.isEmpty() ? value : label + ": " + value;
    }

    private static String parenthesised(String text) {
        return text.isEmpty() ? "" : "(" + text + ")";
    }

    private static String join(String separator, String... parts) {
        return Arrays.stream(parts)
                .filter(Objects::nonNull)
                .filter(p -> !p.isBlank())
                .collect(Collectors.joining(separator));
    }
}
