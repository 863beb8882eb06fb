package vn.khuyenhoc.cdht.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageRequest;
import org.springframework.beans.factory.annotation.Autowired;
import vn.khuyenhoc.cdht.shared.CappedPage;
import vn.khuyenhoc.cdht.shared.SearchText;
import vn.khuyenhoc.cdht.shared.SystemActor;
import vn.khuyenhoc.cdht.support.PostgresIntegrationTest;

/**
 * The citizen search counts its matches only up to a cap ("more than 1,000"), pages through every match in order
 * all the same, and stays inside the user's subtree.
 */
class CitizenSearchCapTest extends PostgresIntegrationTest {

    private static final String NAME = "Giới Hạn Đếm Thử";
    private static final int PEOPLE = 1_010;

    @Autowired
    private Citizens citizens;

    @BeforeEach
    void manyNamesakesInOneHamlet() {
        long hamlet = unitId("VLINH-T03");
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            String name = NAME + " " + String.format("%04d", i);
            rows.add(new Object[] {name, SearchText.fold(name), 1950 + i % 50, hamlet});
        }
        jdbc.batchUpdate("""
                insert into citizen (id, full_name, search_name, birth_year, gender, unit_id, target_group, version,
                                     created_at, updated_at)
                values (nextval('citizen_seq'), ?, ?, ?, 'MALE', ?, 'FARMER', 0, current_timestamp, current_timestamp)
                """, rows);
    }

    @AfterEach
    void removeThem() {
        jdbc.update("delete from citizen where full_name like ?", NAME + " %");
    }

    @Test
    void a_broad_search_says_more_than_a_thousand_and_pages_through_every_match_in_order() throws Exception {
        mvc.perform(get("/citizens").param("q", "gioi han dem thu").with(as("xa1")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Có hơn 1.000 công dân phù hợp")))
                .andExpect(content().string(containsString("Trang 1<")))
                .andExpect(content().string(not(containsString("Trang 1/"))));

        // every page, in order: the name, then the birth year, then the id
        CappedPage<CitizenSummary> first = citizens.search(SystemActor.INSTANCE,
                new CitizenQuery("GIỚI HẠN đếm", null, null, null), PageRequest.of(0, 25));
        assertThat(first.isCapped()).isTrue();
        assertThat(first.getCap()).isEqualTo(1_000);
        assertThat(first.hasNext()).isTrue();
        List<String> seen = new ArrayList<>();
        Set<Long> ids = new HashSet<>();
        CappedPage<CitizenSummary> page = first;
        for (int n = 0; ; n++) {
            page = citizens.search(SystemActor.INSTANCE, new CitizenQuery("gioi han dem", null, null, null),
                    PageRequest.of(n, 25));
            page.getContent().forEach(c -> {
                seen.add(c.fullName());
                ids.add(c.id());
            });
            if (!page.hasNext()) {
                break;
            }
        }
        assertThat(seen).hasSize(PEOPLE).isSorted();
        assertThat(ids).hasSize(PEOPLE);
        // the last page knows the exact total: the cap is never below the end of the page
        assertThat(page.isCapped()).isFalse();
        assertThat(page.getTotalElements()).isEqualTo(PEOPLE);
        assertThat(page.getContent()).hasSize(PEOPLE % 25);
    }

    @Test
    void a_narrow_search_counts_exactly_and_the_cap_stays_inside_the_subtree() throws Exception {
        mvc.perform(get("/citizens").param("q", "gioi han dem thu 100").with(as("xa1")))
                .andExpect(status().isOk())
                // 1000..1009
                .andExpect(content().string(containsString("Có 10 công dân phù hợp")))
                .andExpect(content().string(not(containsString("Có hơn"))));
        // another commune's officer, and the verifier of another hamlet, find none of them
        for (String user : new String[] {"xa2", "thon1"}) {
            mvc.perform(get("/citizens").param("q", "gioi han dem thu").with(as(user)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(not(containsString(NAME))))
                    .andExpect(content().string(not(containsString("công dân phù hợp"))));
        }
        // a hamlet filter narrows to the hamlet's subtree
        mvc.perform(get("/citizens").param("q", "gioi han dem thu 000").param("unit", "VLINH-T03")
                        .with(as("tinh")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Có 10 công dân phù hợp")));
        mvc.perform(get("/citizens").param("q", "gioi han dem thu").param("unit", "VLINH-T02")
                        .with(as("tinh")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(NAME))));
    }
}
