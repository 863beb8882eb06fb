package vn.khuyenhoc.cdht.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import jakarta.servlet.http.Cookie;
import org.springframework.mock.web.MockMultipartFile;
import vn.khuyenhoc.cdht.support.PostgresIntegrationTest;

class UnitAdministrationTest extends PostgresIntegrationTest {

    private static MockMultipartFile csv(String text) {
        return new MockMultipartFile("file", "units.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void admin_creates_a_hamlet_under_a_commune_and_it_lands_in_the_subtree() throws Exception {
        mvc.perform(post("/units/new").with(as("admin")).with(csrf())
                        .param("code", "VLINH-T09").param("name", "Thôn Mới Lập").param("levelCode", "hamlet")
                        .param("parentCode", "N-VLINH").param("validFrom", "01/09/2025").param("population", "850"))
                .andExpect(status().isFound());
        long id = unitId("VLINH-T09");
        String path = jdbc.queryForObject("select path from admin_unit where id=?", String.class, id);
        String parentPath = jdbc.queryForObject("select path from admin_unit where code='N-VLINH'", String.class);
        assertThat(path).isEqualTo(parentPath + id + "/");
        mvc.perform(get("/units/{id}", id).with(as("xa1"))).andExpect(status().isOk());
        mvc.perform(get("/units/{id}", id).with(as("xa2"))).andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action='UNIT_CREATED' and entity_id=?",
                Integer.class, id)).isEqualTo(1);
    }

    @Test
    void a_hamlet_cannot_sit_above_a_commune_and_codes_stay_unique() throws Exception {
        mvc.perform(post("/units/new").with(as("admin")).with(csrf())
                        .param("code", "BAD-LVL").param("name", "Tỉnh giả").param("levelCode", "province")
                        .param("parentCode", "VLINH-T01").param("validFrom", "01/09/2025"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("unitForm", "levelCode"));
        mvc.perform(post("/units/new").with(as("admin")).with(csrf())
                        .param("code", "N-VLINH").param("name", "Trùng mã").param("levelCode", "commune")
                        .param("parentCode", "QT").param("validFrom", "01/09/2025"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("unitForm", "code"));
        mvc.perform(post("/units/new").with(as("admin")).with(csrf())
                        .param("code", "OK-1").param("name", "Ngày sai").param("levelCode", "hamlet")
                        .param("parentCode", "N-VLINH").param("validFrom", "31/02/2025"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("unitForm", "validFrom"))
                .andExpect(content().string(Matchers.containsString("dd/mm/yyyy")));
        assertThat(jdbc.queryForObject("select count(*) from admin_unit where code in ('BAD-LVL','OK-1')",
                Integer.class)).isZero();
    }

    @Test
    void moving_a_commune_moves_its_hamlets_paths_too() throws Exception {
        mvc.perform(post("/units/new").with(as("admin")).with(csrf()).param("code", "MV-PROV")
                .param("name", "Tỉnh Thử").param("levelCode", "province").param("parentCode", "VN")
                .param("validFrom", "01/07/2025")).andExpect(status().isFound());
        mvc.perform(post("/units/new").with(as("admin")).with(csrf()).param("code", "MV-XA")
                .param("name", "Xã Thử").param("levelCode", "commune").param("parentCode", "QT")
                .param("validFrom", "01/07/2025")).andExpect(status().isFound());
        mvc.perform(post("/units/new").with(as("admin")).with(csrf()).param("code", "MV-THON")
                .param("name", "Thôn Thử").param("levelCode", "hamlet").param("parentCode", "MV-XA")
                .param("validFrom", "01/07/2025")).andExpect(status().isFound());
        long commune = unitId("MV-XA");
        long version = jdbc.queryForObject("select version from admin_unit where id=?", Long.class, commune);
        mvc.perform(post("/units/{id}/edit", commune).with(as("admin")).with(csrf()).param("code", "MV-XA")
                        .param("name", "Xã Thử").param("levelCode", "commune").param("parentCode", "MV-PROV")
                        .param("validFrom", "01/07/2025").param("version", String.valueOf(version)))
                .andExpect(status().isFound());
        String provincePath = jdbc.queryForObject("select path from admin_unit where code='MV-PROV'", String.class);
        String hamletPath = jdbc.queryForObject("select path from admin_unit where code='MV-THON'", String.class);
        assertThat(hamletPath).startsWith(provincePath + commune + "/");
        assertThat(jdbc.queryForObject("select depth from admin_unit where code='MV-THON'", Integer.class))
                .isEqualTo(3);
        // the province officer of Quảng Trị no longer sees the moved commune
        mvc.perform(get("/units/{id}", commune).with(as("tinh"))).andExpect(status().isForbidden());
        // a stale form is refused
        mvc.perform(post("/units/{id}/edit", commune).with(as("admin")).with(csrf()).param("code", "MV-XA")
                        .param("name", "Xã Cũ").param("levelCode", "commune").param("parentCode", "QT")
                        .param("validFrom", "01/07/2025").param("version", String.valueOf(version)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("vừa được người khác thay đổi")));
        assertThat(jdbc.queryForObject("select name from admin_unit where id=?", String.class, commune))
                .isEqualTo("Xã Thử");
        // the refused form keeps the typed name and now carries the stored version: saving again is deliberate
        var refused = mvc.perform(post("/units/{id}/edit", commune).with(as("admin")).with(csrf())
                        .param("code", "MV-XA").param("name", "Xã Cũ").param("levelCode", "commune")
                        .param("parentCode", "MV-PROV").param("validFrom", "01/07/2025")
                        .param("version", String.valueOf(version)))
                .andReturn();
        UnitForm kept = (UnitForm) refused.getModelAndView().getModel().get("unitForm");
        assertThat(kept.getName()).isEqualTo("Xã Cũ");
        mvc.perform(post("/units/{id}/edit", commune).with(as("admin")).with(csrf()).param("code", "MV-XA")
                        .param("name", kept.getName()).param("levelCode", "commune").param("parentCode", "MV-PROV")
                        .param("validFrom", "01/07/2025").param("version", String.valueOf(kept.getVersion())))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForObject("select name from admin_unit where id=?", String.class, commune))
                .isEqualTo("Xã Cũ");
    }

    @Test
    void retiring_needs_children_retired_first_and_a_unit_with_children_is_never_deleted() throws Exception {
        long commune = unitId("N-CTUNG");
        mvc.perform(post("/units/{id}/retire", commune).with(as("admin")).with(csrf())
                        .param("validTo", "31/12/2026").param("reason", "thử"))
                .andExpect(flash().attribute("failure", "area.retire.childrenValid"));
        mvc.perform(post("/units/{id}/delete", commune).with(as("admin")).with(csrf()))
                .andExpect(flash().attribute("failure", "area.delete.hasData"));
        assertThat(jdbc.queryForObject("select valid_to from admin_unit where id=?", java.sql.Date.class, commune))
                .isNull();

        mvc.perform(post("/units/new").with(as("admin")).with(csrf()).param("code", "RT-THON")
                .param("name", "Thôn Giải Thể").param("levelCode", "hamlet").param("parentCode", "N-DHA")
                .param("validFrom", "01/07/2025")).andExpect(status().isFound());
        long hamlet = unitId("RT-THON");
        mvc.perform(post("/units/{id}/retire", hamlet).with(as("admin")).with(csrf())
                        .param("validTo", "31/12/2025").param("reason", "sáp nhập"))
                .andExpect(flash().attribute("success", "area.retired"));
        assertThat(jdbc.queryForObject("select valid_to from admin_unit where id=?", java.sql.Date.class, hamlet))
                .hasToString("2025-12-31");
        // the unit stays visible as retired, and leaves the default list of children
        mvc.perform(get("/units/{id}", unitId("N-DHA")).with(as("admin")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Thôn Giải Thể"))));
        mvc.perform(get("/units/{id}", unitId("N-DHA")).param("retired", "true").with(as("admin")))
                .andExpect(content().string(Matchers.containsString("Thôn Giải Thể")));
    }

    @Test
    void successions_of_the_2025_merger_show_on_both_sides() throws Exception {
        long vinhLinh = unitId("N-VLINH");
        mvc.perform(get("/units/{id}", vinhLinh).with(as("admin")))
                .andExpect(content().string(Matchers.containsString("Thị trấn Hồ Xá (VL-HOXA)")))
                .andExpect(content().string(Matchers.containsString("01/07/2025")));
        mvc.perform(post("/units/successions/new").with(as("admin")).with(csrf()).param("oldCode", "VL-HOXA")
                        .param("newCode", "N-VLINH").param("effectiveDate", "01/07/2025"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Đã ghi nhận VL-HOXA → N-VLINH trước đó.")));
        mvc.perform(post("/units/successions/new").with(as("admin")).with(csrf()).param("oldCode", "N-DHA")
                        .param("newCode", "N-VLINH").param("effectiveDate", "01/07/2025"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("successionForm", "oldCode"));
    }

    @Test
    void import_dry_run_lists_every_row_error_and_imports_nothing() throws Exception {
        Integer before = jdbc.queryForObject("select count(*) from admin_unit", Integer.class);
        String file = """
                code;name;level;parent_code;valid_from
                IMP-X1;Thôn Một;hamlet;N-VLINH;2025-08-01
                IMP-X2;;hamlet;N-VLINH;2025-08-01
                IMP-X3;Thôn Ba;hamlet;NOPE;01/08/2025
                IMP-X1;Thôn Trùng;hamlet;N-VLINH;2025-08-01
                IMP-X5;Thôn Năm;village;N-VLINH;2025-13-01
                """;
        mvc.perform(multipart("/units/import").file(csv(file)).with(as("admin")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(model().attributeDoesNotExist("token"))
                .andExpect(content().string(Matchers.containsString("Có 4 dòng lỗi trên tổng số 5 dòng")))
                .andExpect(content().string(Matchers.containsString("Thiếu giá trị cột name")))
                .andExpect(content().string(Matchers.containsString("Không có đơn vị mã NOPE")))
                .andExpect(content().string(Matchers.containsString("Mã IMP-X1 xuất hiện nhiều lần")))
                .andExpect(content().string(Matchers.containsString("2025-13-01")));
        assertThat(jdbc.queryForObject("select count(*) from admin_unit", Integer.class)).isEqualTo(before);
    }

    @Test
    void a_clean_file_is_checked_then_committed_in_one_go_with_bom_and_parents_in_the_same_file() throws Exception {
        String file = "\uFEFFcode,name,level,parent_code,valid_from,valid_to,population\n"
                + "# comment lines are ignored\n"
                + "IMP-XA,Xã Nhập Thử,commune,QT,2025-07-01,,1200\n"
                + "IMP-T1,Thôn Nhập 1,hamlet,IMP-XA,2025-07-01,,\n"
                + "IMP-T2,Thôn Nhập 2,hamlet,IMP-XA,01/07/2025,,\n";
        var dryRun = mvc.perform(multipart("/units/import").file(csv(file)).with(as("admin"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("3 dòng sẵn sàng nhập")))
                .andReturn();
        assertThat(jdbc.queryForObject("select count(*) from admin_unit where code like 'IMP-%'", Integer.class))
                .isZero();
        String token = (String) dryRun.getModelAndView().getModel().get("token");
        Cookie session = sessionCookie(dryRun);
        mvc.perform(post("/units/import/commit").param("token", token).cookie(session).with(as("admin"))
                        .with(csrf()))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForObject("select count(*) from admin_unit where code like 'IMP-%'", Integer.class))
                .isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from admin_unit t join admin_unit x on t.parent_id = x.id "
                + "where x.code = 'IMP-XA'", Integer.class)).isEqualTo(2);
        // the token works once
        mvc.perform(post("/units/import/commit").param("token", token).cookie(session).with(as("admin"))
                        .with(csrf()))
                .andExpect(flash().attribute("failure", "import.expired"));
        assertThat(jdbc.queryForObject("select count(*) from admin_unit where code like 'IMP-%'", Integer.class))
                .isEqualTo(3);
    }

    @Test
    void files_that_are_not_csv_get_a_clear_message() throws Exception {
        mvc.perform(multipart("/units/import").file(new MockMultipartFile("file", "x.csv", "text/csv", new byte[0]))
                        .with(as("admin")).with(csrf()))
                .andExpect(content().string(Matchers.containsString("Tệp rỗng.")));
        mvc.perform(multipart("/units/import").file(new MockMultipartFile("file", "x.csv", "text/csv",
                        new byte[] {(byte) 0x4d, (byte) 0x5a, (byte) 0x90, 0, (byte) 0xff, (byte) 0xfe}))
                        .with(as("admin")).with(csrf()))
                .andExpect(content().string(Matchers.containsString("không phải văn bản UTF-8")));
        mvc.perform(multipart("/units/import").file(csv("ma,ten\nA,B\n")).with(as("admin")).with(csrf()))
                .andExpect(content().string(Matchers.containsString("Tệp thiếu cột")));
    }
}
