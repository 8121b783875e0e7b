package dev.protostar.ingestion.parse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the documents under {@code src/test/resources/documents/}: two synthetic candidates (Kim Seoyeon,
 * Korean; Mira Castellan, English — invented people, invented companies) in every format we read, and the
 * bad files we must refuse. The files are committed; this program exists so that they can be made again
 * and so that what is inside them is readable here.
 *
 * <p>Run from the repository root (the Korean PDF needs a font with Hangul, Debian's {@code fonts-nanum};
 * nothing at build or test time needs it; {@code bin/java-home.sh} puts a JDK 21+ on the path):
 *
 * <pre>
 * apt-get install -y fonts-nanum
 * ./mvnw -q -pl ingestion -am test-compile dependency:build-classpath \
 *     -Dmdep.includeScope=test -Dmdep.outputFile=target/cp.txt
 * source bin/java-home.sh
 * java -cp ingestion/target/test-classes:$(cat ingestion/target/cp.txt) \
 *     dev.protostar.ingestion.parse.FixtureFiles ingestion/src/test/resources/documents
 * </pre>
 *
 * <p>PDF font subsets get random names and DOCX files carry their creation time, so regenerated files differ
 * byte for byte from the committed ones while reading the same.
 */
class FixtureFiles {

    /** One line of a resume, rendered by each format in its own way. */
    record Line(Kind kind, String text) {
        enum Kind {
            TITLE,
            SECTION,
            ENTRY,
            TEXT,
            ITEM,
            ROW,
            PAGE_BREAK
        }
    }

    static final List<Line> KOREAN = List.of(
            title("김서연 이력서"),
            section("인적사항"),
            text("성명: 김서연 / 희망 직무: 백엔드 개발자 / 거주지: 서울특별시 마포구"),
            section("학력"),
            text("2011.03 ~ 2015.02 한결대학교 컴퓨터공학과 졸업 (학점 4.1/4.5)"),
            section("경력"),
            entry("한빛페이 | 결제플랫폼팀 선임 개발자"),
            text("재직기간: 2019.03 ~ 2022.08 (3년 5개월)"),
            text("담당업무: 결제 승인 API와 정산 배치를 Java 17, Spring Boot, Kafka로 개발했습니다."),
            item("결제 승인 처리량을 초당 3,500건에서 초당 12,000건으로 높였습니다."),
            item("정산 배치 시간을 4시간에서 35분으로 줄였습니다."),
            new Line(Line.Kind.PAGE_BREAK, ""),
            entry("누리소프트 | 메시징개발팀 개발자"),
            text("재직기간: 2015.03 ~ 2019.02 (3년 11개월)"),
            text("담당업무: 사내 메신저 서버와 푸시 알림 시스템을 개발했습니다."),
            item("동시 접속자 80,000명을 처리하는 채팅 서버를 운영했습니다."),
            section("자격증"),
            row("정보처리기사 | 한국산업인력공단 | 2014.11"),
            row("SQLD | 한국데이터산업진흥원 | 2016.05"),
            section("어학"),
            row("TOEIC | 915점 | 2021.06"),
            row("OPIc | IH | 2020.09"));

    static final List<Line> ENGLISH = List.of(
            title("Mira Castellan"),
            text("Backend Engineer — Lisbon, Portugal"),
            section("Summary"),
            text("Backend engineer with 7 years of experience building payment and messaging systems"
                    + " in Java and Kotlin, most recently leading a team of 5."),
            section("Experience"),
            entry("Bluefin Payments — Senior Backend Engineer"),
            text("January 2020 – June 2024 (4 years 6 months)"),
            item("Raised settlement throughput from 2,000 to 9,500 transactions per second."),
            item("Cut p99 checkout latency from 480 ms to 120 ms."),
            entry("Harbor Messaging — Backend Engineer"),
            text("March 2017 – December 2019"),
            item("Ran a chat cluster serving 1.2 million daily active users."),
            new Line(Line.Kind.PAGE_BREAK, ""),
            section("Education"),
            text("B.Sc. in Computer Science, Lakemont University, 2013 – 2017 (GPA 3.8/4.0)."),
            section("Skills"),
            row("Languages | Java, Kotlin, SQL"),
            row("Infrastructure | Kafka, PostgreSQL, Kubernetes"));

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "ingestion/src/test/resources/documents");
        Files.createDirectories(dir);

        Files.write(dir.resolve("resume-ko.pdf"), FixturePdf.korean(KOREAN));
        Files.write(dir.resolve("resume-en.pdf"), FixturePdf.english(ENGLISH, "Mira Castellan — Resume"));
        Files.write(dir.resolve("encrypted.pdf"), FixturePdf.encrypted(ENGLISH));
        Files.write(dir.resolve("scanned.pdf"), FixturePdf.scanned());
        Files.write(dir.resolve("empty.pdf"), new byte[0]);
        Files.write(dir.resolve("photo.png"), FixturePdf.png());
        Files.write(dir.resolve("not-a-pdf.pdf"), FixturePdf.png());

        Files.write(dir.resolve("resume-ko.docx"), FixtureDocx.of(KOREAN, "김서연 이력서"));
        Files.write(dir.resolve("resume-en.docx"), FixtureDocx.of(ENGLISH, null));
        Files.write(dir.resolve("bomb.docx"), FixtureDocx.bomb());

        Files.write(dir.resolve("resume-ko.hwp"), FixtureHwp.of(KOREAN, false));
        Files.write(dir.resolve("encrypted.hwp"), FixtureHwp.of(KOREAN, true));

        write(dir, "resume-ko.html", KOREAN_HTML, StandardCharsets.UTF_8);
        write(dir, "resume-en.md", ENGLISH_MARKDOWN, StandardCharsets.UTF_8);
        write(dir, "resume-ko.md", KOREAN_MARKDOWN, StandardCharsets.UTF_8);
        write(dir, "resume-ko.txt", KOREAN_TEXT, StandardCharsets.UTF_8);
        write(dir, "resume-ko-cp949.txt", KOREAN_TEXT_CP949, Charset.forName("x-windows-949"));
        write(dir, "resume-en.json", ENGLISH_JSON_RESUME, StandardCharsets.UTF_8);
        write(dir, "not-a-resume.json", NOT_A_RESUME_JSON, StandardCharsets.UTF_8);
        Files.write(dir.resolve("archive.zip"), zip("resume.txt", KOREAN_TEXT));
    }

    private static void write(Path dir, String name, String text, Charset charset) throws IOException {
        Files.write(dir.resolve(name), text.getBytes(charset));
    }

    private static byte[] zip(String entry, String text) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(text.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static Line title(String text) {
        return new Line(Line.Kind.TITLE, text);
    }

    private static Line section(String text) {
        return new Line(Line.Kind.SECTION, text);
    }

    private static Line entry(String text) {
        return new Line(Line.Kind.ENTRY, text);
    }

    private static Line text(String text) {
        return new Line(Line.Kind.TEXT, text);
    }

    private static Line item(String text) {
        return new Line(Line.Kind.ITEM, text);
    }

    private static Line row(String text) {
        return new Line(Line.Kind.ROW, text);
    }

    static final String KOREAN_HTML =
            """
            <!DOCTYPE html>
            <html lang="ko">
            <head>
              <meta charset="utf-8">
              <title>김서연 이력서</title>
              <style>body { font-family: sans-serif; } h1 { color: #123; }</style>
              <script>window.trackVisitor && trackVisitor('resume-page-view');</script>
            </head>
            <body>
              <nav><a href="/">홈</a> <a href="/blog">블로그</a> <a href="/contact">연락처</a></nav>
              <h1>김서연</h1>
              <p>백엔드 개발자 · 결제 시스템 7년</p>
              <h2>경력</h2>
              <h3>한빛페이</h3>
              <p>결제플랫폼팀 선임 개발자, 재직기간 2019.03 ~ 2022.08 (3년 5개월)</p>
              <ul>
                <li>결제 승인 처리량을 초당 3,500건에서 초당 12,000건으로 높였습니다.</li>
                <li>정산 배치 시간을 4시간에서 35분으로 줄였습니다.
                  <ul><li>배치를 12개 파티션으로 나눠 병렬 처리</li></ul>
                </li>
              </ul>
              <h3>누리소프트</h3>
              <p>메시징개발팀 개발자, 재직기간 2015.03 ~ 2019.02 (3년 11개월)</p>
              <h2>자격증 및 어학</h2>
              <table>
                <tr><th>항목</th><th>점수·등급</th><th>취득일</th></tr>
                <tr><td>정보처리기사</td><td>합격</td><td>2014.11</td></tr>
                <tr><td>TOEIC</td><td>915</td><td>2021.06</td></tr>
              </table>
              <script>console.log('이 스크립트는 본문이 아닙니다');</script>
            </body>
            </html>
            """;

    static final String ENGLISH_MARKDOWN =
            """
            Mira Castellan
            ==============

            Backend Engineer — Lisbon, Portugal

            Summary
            -------

            Backend engineer with 7 years of experience building payment and messaging systems
            in **Java** and *Kotlin*, most recently leading a team of 5.

            ## Experience

            ### Bluefin Payments — Senior Backend Engineer

            January 2020 – June 2024 (4 years 6 months)

            - Raised settlement throughput from 2,000 to 9,500 transactions per second.
            - Cut p99 checkout latency from 480 ms to 120 ms.
              - Replaced the synchronous fraud check with a [streaming scorer](https://example.com/scorer).

            ### Harbor Messaging — Backend Engineer

            March 2017 – December 2019

            1. Ran a chat cluster serving 1.2 million daily active users.
            2. Migrated 40 services from VMs to Kubernetes.

            ## Skills

            | Area | Tools |
            |------|-------|
            | Languages | Java, Kotlin, SQL |
            | Infrastructure | Kafka, PostgreSQL, Kubernetes |

            ```
            # not a heading: code blocks are kept as text
            ```
            """;

    static final String KOREAN_MARKDOWN =
            """
            # 김서연 이력서

            ## 경력

            ### 한빛페이 (2019.03 ~ 2022.08, 3년 5개월)

            결제플랫폼팀 선임 개발자로 결제 승인 API와 정산 배치를 개발했습니다.

            * 결제 승인 처리량: 초당 3,500건 → **초당 12,000건**
            * 정산 배치 시간: 4시간 → 35분

            ## 자격증

            | 자격증 | 발급기관 | 취득일 |
            | --- | --- | --- |
            | 정보처리기사 | 한국산업인력공단 | 2014.11 |

            ## 어학

            TOEIC 915점 (2021.06)
            """;

    static final String KOREAN_TEXT =
            """
            김서연 이력서

            [인적사항]
            성명: 김서연
            희망 직무: 백엔드 개발자

            [학력]
            2011.03 ~ 2015.02 한결대학교 컴퓨터공학과 졸업 (학점 4.1/4.5)

            [경력]
            한빛페이 | 결제플랫폼팀 선임 개발자
            재직기간: 2019.03 ~ 2022.08 (3년 5개월)
            결제 승인 API와 정산 배치를 Java 17, Spring Boot, Kafka로
            개발했습니다.
            - 결제 승인 처리량을 초당 3,500건에서 초당 12,000건으로 높였습니다.
            - 정산 배치 시간을 4시간에서 35분으로 줄였습니다.

            누리소프트 | 메시징개발팀 개발자
            재직기간: 2015.03 ~ 2019.02 (3년 11개월)
            - 동시 접속자 80,000명을 처리하는 채팅 서버를 운영했습니다.

            [자격증]
            정보처리기사 (한국산업인력공단, 2014.11)

            [어학]
            TOEIC 915점 (2021.06)
            """;

    /** Written in CP949; "똠" is one of the syllables CP949 has and EUC-KR does not. */
    static final String KOREAN_TEXT_CP949 =
            """
            박지훈 경력기술서

            1. 인적사항
            성명: 박지훈
            취미: 똠얌꿍 끓이기

            2. 경력
            가온물류 | 배송플랫폼팀 개발자
            재직기간: 2018.01 ~ 2023.06 (5년 6개월)
            배차 최적화 서버를 개발해 하루 평균 45,000건의 배송을 처리했습니다.

            3. 자격증
            정보처리기사 (2017.05)
            """;

    static final String ENGLISH_JSON_RESUME =
            """
            {
              "$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json",
              "basics": {
                "name": "Mira Castellan",
                "label": "Backend Engineer",
                "email": "mira.castellan@example.com",
                "phone": "+351 555 0100",
                "url": "https://example.com/mira",
                "summary": "Backend engineer with 7 years of experience building payment and messaging systems.",
                "location": { "city": "Lisbon", "countryCode": "PT", "region": "Lisbon District" },
                "profiles": [ { "network": "GitHub", "username": "mcastellan", "url": "https://example.com/gh/mcastellan" } ]
              },
              "work": [
                {
                  "name": "Bluefin Payments",
                  "position": "Senior Backend Engineer",
                  "startDate": "2020-01",
                  "endDate": "2024-06",
                  "summary": "Led the settlement team of 5 engineers.",
                  "highlights": [
                    "Raised settlement throughput from 2,000 to 9,500 transactions per second.",
                    "Cut p99 checkout latency from 480 ms to 120 ms."
                  ]
                },
                {
                  "name": "Harbor Messaging",
                  "position": "Backend Engineer",
                  "startDate": "2017-03",
                  "endDate": "2019-12",
                  "highlights": [ "Ran a chat cluster serving 1.2 million daily active users." ]
                }
              ],
              "volunteer": [
                { "organization": "Code Club Lisbon", "position": "Mentor", "startDate": "2019-09",
                  "summary": "Taught Java to 30 secondary school students." }
              ],
              "education": [
                { "institution": "Lakemont University", "area": "Computer Science", "studyType": "Bachelor",
                  "startDate": "2013-09", "endDate": "2017-06", "score": "3.8/4.0",
                  "courses": [ "Distributed Systems", "Databases" ] }
              ],
              "awards": [ { "title": "Engineering Excellence Award", "date": "2022-11", "awarder": "Bluefin Payments",
                            "summary": "For the settlement rewrite." } ],
              "certificates": [ { "name": "Certified Kubernetes Application Developer", "date": "2021-04",
                                  "issuer": "CNCF" } ],
              "publications": [ { "name": "Back-pressure in payment pipelines", "publisher": "Example Engineering Blog",
                                  "releaseDate": "2023-02" } ],
              "skills": [
                { "name": "Languages", "level": "Expert", "keywords": [ "Java", "Kotlin", "SQL" ] },
                { "name": "Infrastructure", "keywords": [ "Kafka", "PostgreSQL", "Kubernetes" ] }
              ],
              "languages": [ { "language": "English", "fluency": "Native speaker" },
                             { "language": "Portuguese", "fluency": "Professional working proficiency" } ],
              "interests": [ { "name": "Sailing", "keywords": [ "dinghy racing" ] } ],
              "references": [ { "name": "Tomas Ferro", "reference": "Mira rebuilt our settlement system in a year." } ],
              "projects": [
                { "name": "Ledger replay tool", "description": "Replays a day of payments in 4 minutes.",
                  "startDate": "2022-01", "endDate": "2022-05", "highlights": [ "Open-sourced internally" ] }
              ]
            }
            """;

    static final String NOT_A_RESUME_JSON =
            """
            { "orderId": 48213, "items": [ { "sku": "A-100", "quantity": 2 } ], "total": 39.90 }
            """;
}
