package vn.khuyenhoc.cdht.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import vn.khuyenhoc.cdht.shared.SearchText;

/**
 * The list reads each page from the unit names the page falls in (a count per unit name first): every page size
 * must give exactly the rows, order and total of the plain "sort everything" query, and only inside the subtree.
 */
class AssessmentListPagingTest extends AssessmentTestSupport {

    private static final int YEAR = 2015;
    private static final String NAME = "Phân Trang Danh Sách";

    @Autowired
    private AssessmentLists lists;

    @BeforeEach
    void assessmentsInThreeHamletsOfOneCommune() {
        long set = jdbc.queryForObject("select min(id) from criteria_set", Long.class);
        // uneven: 7, 1, 12 rows; two people share a name and a year in T04 (the id breaks the tie)
        int[][] plan = {{1, 7}, {2, 1}, {4, 12}};
        for (int[] hamlet : plan) {
            long unit = unitId("VLINH-T0" + hamlet[0]);
            for (int i = 0; i < hamlet[1]; i++) {
                String name = NAME + " " + (char) ('A' + (i * 7) % 26) + (hamlet[0] == 4 && i < 2 ? "" : " " + i);
                long citizen = jdbc.queryForObject("select nextval('citizen_seq')", Long.class);
                jdbc.update("""
                        insert into citizen (id, full_name, search_name, birth_year, gender, unit_id, target_group,
                                             version, created_at, updated_at)
                        values (?, ?, ?, 1970, 'FEMALE', ?, 'FARMER', 0, current_timestamp, current_timestamp)""",
                        citizen, name, SearchText.fold(name), unit);
                jdbc.update("""
                        insert into assessment (id, citizen_id, assessment_year, criteria_set_id, target_group,
                                                unit_id, channel, state, entered_by, version, created_at, updated_at)
                        values (nextval('assessment_seq'), ?, ?, ?, 'FARMER', ?, 'STAFF_PROXY', ?, 'xa1', 0,
                                current_timestamp, current_timestamp)""",
                        citizen, YEAR, set, unit, i % 3 == 0 ? "RETURNED" : "DRAFT");
            }
        }
    }

    @AfterEach
    void removeThem() {
        jdbc.update("delete from assessment where assessment_year = ?", YEAR);
        jdbc.update("delete from citizen where full_name like ?", NAME + "%");
    }

    @Test
    void every_page_size_gives_the_rows_and_order_of_the_full_sort() {
        for (AssessmentFilter filter : new AssessmentFilter[] {
                new AssessmentFilter(YEAR, null, null, null, null),
                new AssessmentFilter(YEAR, AssessmentState.RETURNED, null, null, null),
                new AssessmentFilter(YEAR, null, null, null, unitId("VLINH-T04"))}) {
            List<Long> expected = reference(filter);
            assertThat(expected).isNotEmpty();
            for (int size : new int[] {1, 3, 5, 7, 8, 25}) {
                List<Long> seen = new ArrayList<>();
                Page<AssessmentRow> page;
                int n = 0;
                do {
                    page = lists.search(user("xa1"), filter, PageRequest.of(n++, size));
                    assertThat(page.getTotalElements()).isEqualTo(expected.size());
                    page.getContent().forEach(r -> seen.add(r.id()));
                } while (page.hasNext());
                assertThat(seen).as("page size %d, %s", size, filter).isEqualTo(expected);
            }
            // a page past the end is empty, with the total
            Page<AssessmentRow> past = lists.search(user("xa1"), filter, PageRequest.of(50, 5));
            assertThat(past.getContent()).isEmpty();
        }
    }

    @Test
    void the_list_stays_inside_the_subtree() {
        AssessmentFilter all = new AssessmentFilter(YEAR, null, null, null, null);
        assertThat(lists.search(user("xa2"), all, PageRequest.of(0, 25)).getTotalElements()).isZero();
        Page<AssessmentRow> hamlet = lists.search(user("thon1"), all, PageRequest.of(0, 25));
        assertThat(hamlet.getTotalElements()).isEqualTo(7);
        assertThat(hamlet.getContent()).extracting(AssessmentRow::unitName).containsOnly("Thôn Hồ Xá");
        assertThat(lists.search(user("tinh"), all, PageRequest.of(0, 25)).getTotalElements()).isEqualTo(20);
    }

    /** The plain query: every row of the commune sorted in one go. */
    private List<Long> reference(AssessmentFilter filter) {
        return jdbc.queryForList("""
                select a.id from assessment a join admin_unit u on u.id = a.unit_id
                  join citizen c on c.id = a.citizen_id
                where u.path like (select path from admin_unit where code = 'N-VLINH') || '%'
                  and a.assessment_year = ? and (cast(? as varchar) is null or a.state = cast(? as varchar))
                  and (cast(? as bigint) is null or a.unit_id = cast(? as bigint))
                order by u.name, c.search_name, c.birth_year, a.id""", Long.class, YEAR,
                filter.state() == null ? null : filter.state().name(),
                filter.state() == null ? null : filter.state().name(),
                filter.withinUnitId(), filter.withinUnitId());
    }
}
