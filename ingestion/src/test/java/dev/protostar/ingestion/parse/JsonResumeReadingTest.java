package dev.protostar.ingestion.parse;

import static dev.protostar.ingestion.parse.Documents.assertWellFormed;
import static dev.protostar.ingestion.parse.Documents.headings;
import static dev.protostar.ingestion.parse.Documents.parse;
import static dev.protostar.ingestion.parse.Documents.texts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.protostar.ingestion.parse.Block.Kind;
import dev.protostar.ingestion.parse.ParsedDocument.Format;
import org.junit.jupiter.api.Test;

class JsonResumeReadingTest {

    @Test
    void maps_json_resume_sections_to_headings() throws Exception {
        var document = parse("resume-en.json");

        assertThat(document.format()).isEqualTo(Format.JSON_RESUME);
        assertThat(document.title()).isEqualTo("Mira Castellan");
        assertThat(headings(document))
                .containsSubsequence(
                        "1 Profile",
                        "1 Work",
                        "2 Bluefin Payments — Senior Backend Engineer",
                        "2 Harbor Messaging — Backend Engineer",
                        "1 Volunteer",
                        "1 Education",
                        "2 Lakemont University",
                        "1 Awards",
                        "1 Certificates",
                        "1 Publications",
                        "1 Skills",
                        "1 Languages",
                        "1 Interests",
                        "1 References",
                        "1 Projects",
                        "2 Ledger replay tool");
        assertWellFormed(document);
    }

    @Test
    void gives_each_position_its_dates_summary_and_highlights() throws Exception {
        var document = parse("resume-en.json");

        assertThat(texts(document, Kind.PARAGRAPH))
                .contains("2020-01 – 2024-06", "Led the settlement team of 5 engineers.", "2019-09 – present");
        assertThat(texts(document, Kind.LIST_ITEM))
                .contains(
                        "Raised settlement throughput from 2,000 to 9,500 transactions per second.",
                        "Cut p99 checkout latency from 480 ms to 120 ms.");
    }

    @Test
    void writes_education_skills_and_languages_as_people_read_them() throws Exception {
        var document = parse("resume-en.json");

        assertThat(texts(document, Kind.PARAGRAPH)).contains("Bachelor, Computer Science", "Score: 3.8/4.0");
        assertThat(texts(document, Kind.LIST_ITEM))
                .contains(
                        "Languages (Expert): Java, Kotlin, SQL",
                        "Infrastructure: Kafka, PostgreSQL, Kubernetes",
                        "Portuguese: Professional working proficiency",
                        "Certified Kubernetes Application Developer — CNCF, 2021-04");
    }

    @Test
    void keeps_profile_but_leaves_out_email_and_phone() throws Exception {
        var document = parse("resume-en.json");

        assertThat(texts(document, Kind.PARAGRAPH))
                .contains("Mira Castellan — Backend Engineer", "Location: Lisbon, Lisbon District, PT");
        assertThat(document.blocks())
                .extracting(Block::text)
                .noneMatch(t -> t.contains("mira.castellan@example.com") || t.contains("555 0100"));
    }

    @Test
    void accepts_the_older_company_field_for_work() throws Exception {
        String json =
                """
                {"work": [{"company": "한빛페이", "position": "선임 개발자", "startDate": "2019-03",
                           "highlights": ["초당 12,000건 처리"]}]}
                """;

        var document = Documents.PARSER.parse("이력서.json", json.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(headings(document)).containsExactly("1 Work", "2 한빛페이 — 선임 개발자");
        assertThat(document.title()).isEqualTo("이력서");
        assertThat(texts(document, Kind.PARAGRAPH)).containsExactly("2019-03 – present");
    }
}
