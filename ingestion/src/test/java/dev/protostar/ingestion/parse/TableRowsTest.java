package dev.protostar.ingestion.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableRowsTest {

    @Test
    void carries_the_labels_and_the_first_cell_into_every_line_of_a_row() {
        var lines = TableRows.lines(
                List.of("회사", "기간", "주요 성과"),
                List.of(List.of("한빛페이"), List.of("2021.03 – 현재"), List.of("정산 배치 4분", "결제 승인 초당 12,000건")));

        assertThat(lines)
                .containsExactly(
                        "회사: 한빛페이 | 기간: 2021.03 – 현재",
                        "회사: 한빛페이 | 주요 성과: 정산 배치 4분",
                        "회사: 한빛페이 | 주요 성과: 결제 승인 초당 12,000건");
    }

    @Test
    void reads_a_plain_row_as_before() {
        assertThat(TableRows.lines(List.of(), List.of(List.of("TOEIC"), List.of(), List.of("2021.06"))))
                .containsExactly("TOEIC | 2021.06");
    }
}
