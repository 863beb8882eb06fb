package vn.khuyenhoc.cdht.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import vn.khuyenhoc.cdht.citizen.CitizenDraft;
import vn.khuyenhoc.cdht.citizen.Citizens;
import vn.khuyenhoc.cdht.citizen.Gender;
import org.springframework.beans.factory.annotation.Autowired;

/** Bad files, formulas, exports that import back unchanged, scope of every endpoint, the 2,000-row hamlet. */
class TransferFilesTest extends TransferTestSupport {

    @Autowired
    Citizens citizens;

    @Test
    void bad_files_get_a_clear_message_and_change_nothing() throws Exception {
        int before = count("select count(*) from citizen");
        byte[] exe = new byte[4096];
        exe[0] = 'M';
        exe[1] = 'Z';
        assertRefused("bang-tinh.xlsx", exe, "transfer.file.binary");
        assertRefused("du-lieu.csv", new byte[0], "transfer.file.empty");
        assertRefused("cu.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0},
                "transfer.file.legacyExcel");
        byte[] latin1 = (TransferTestSupport.HEADER + "\nTT-T02,Nguy\u1EC5n,1980,Nam,,FARMER,,\n")
                .getBytes(StandardCharsets.UTF_8);
        latin1[latin1.length - 20] = (byte) 0xE9; // a stray Latin-1 byte: not UTF-8
        assertDryRunFails("latin1.csv", latin1, "không phải văn bản UTF-8");
        assertRefused("bom.xlsx", zipBomb(), "transfer.file.zipBomb");
        assertRefused("la.xlsx", plainZip(), "transfer.file.notWorkbook");
        assertDryRunFails("tieu-de.csv", "Tên,Tuổi\nA,1\n".getBytes(StandardCharsets.UTF_8), "không nhận ra");
        assertDryRunFails("chi-tieu-de.csv", (TransferTestSupport.HEADER + "\n").getBytes(StandardCharsets.UTF_8),
                "không có dòng dữ liệu");
        assertThat(count("select count(*) from citizen")).isEqualTo(before);
    }

    @Test
    void csv_with_bom_and_semicolons_reads_like_any_other() throws Exception {
        String file = "\uFEFF" + csv("TT-T02;Đỗ Dấu Chấm Phẩy;1966;Nữ;;FARMER;2020;7;7;7;7;7;7;7;7;7;7")
                .replace(',', ';');
        ImportJob job = await("xa1", upload("xa1", "bom.csv", file.getBytes(StandardCharsets.UTF_8), "DRAFT",
                2020));
        assertThat(job.getReport().hasErrors()).as(String.valueOf(job.getReport().shownErrors())).isFalse();
        assertThat(job.getReport().created()).isEqualTo(1);
    }

    @Test
    void formulas_are_refused_on_import_and_escaped_on_export() throws Exception {
        ImportJob job = dryRun("xa1", csv("TT-T02,=HYPERLINK(\"http://x\"),1980,Nam,,FARMER,,"), "DRAFT");
        assertThat(errorCells(job)).containsExactly("2|Họ và tên");
        // an xlsx formula cell is refused as well
        byte[] xlsx = workbook(List.of(List.of("TT-T02", "Công Thức Excel", "=1900+80", "Nam", "", "FARMER")));
        ImportJob fromExcel = await("xa1", upload("xa1", "cong-thuc.xlsx", xlsx, "DRAFT", 2020));
        assertThat(errorCells(fromExcel)).containsExactly("2|Năm sinh");

        // a name that starts like a formula (saved through the page) is exported with an apostrophe in front
        citizens.create(user("xa1"), new CitizenDraft("=cmd|' /C calc'!A0", 1970, Gender.MALE, "TT-T03", "FARMER",
                null, null, null, null, null, null), true);
        citizens.create(user("xa1"), new CitizenDraft("@Bình Thường", 1971, Gender.FEMALE, "TT-T03", "FARMER",
                null, null, null, null, null, null), true);
        String exported = new String(download("xa1", "/transfer/export?unit=TT-T03&year=2019&format=csv"),
                StandardCharsets.UTF_8);
        assertThat(exported).contains("'=cmd|").contains("'@Bình Thường").doesNotContain(",=cmd");
        byte[] excel = download("xa1", "/transfer/export?unit=TT-T03&year=2019&format=xlsx");
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(excel))) {
            List<String> names = new ArrayList<>();
            Sheet sheet = book.getSheetAt(0);
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                names.add(sheet.getRow(r).getCell(1).getStringCellValue());
            }
            assertThat(names).contains("'=cmd|' /C calc'!A0", "'@Bình Thường");
            assertThat(book.getSheet(Exporter.NOTES_SHEET)).isNotNull();
            assertThat(sheet.getDataValidations()).hasSizeGreaterThanOrEqualTo(3);
        }
        // and both exports import back without a single change
        ImportJob backFromCsv = await("xa1", upload("xa1", "xuat.csv", exported.getBytes(StandardCharsets.UTF_8),
                "DRAFT", 2019));
        assertThat(backFromCsv.getReport().unchanged()).as(String.valueOf(backFromCsv.getReport().shownErrors()))
                .isEqualTo(2);
        ImportJob back = await("xa1", upload("xa1", "xuat.xlsx", excel, "DRAFT", 2019));
        assertThat(back.getReport().hasErrors()).as(String.valueOf(back.getReport().shownErrors())).isFalse();
        assertThat(back.getReport().unchanged()).isEqualTo(2);
    }

    @Test
    void every_endpoint_refuses_users_outside_the_unit_or_without_the_role() throws Exception {
        String id = upload("xa1", csv("TT-T02,Phạm Vi Kiểm Tra,1980,Nam,,FARMER,,"), "DRAFT");
        await("xa1", id);
        // another commune's officer: 403 for the units, 404 for someone else's job
        mvc.perform(get("/transfer/export").param("unit", "TT-T02").param("year", "2020").with(as("xa2")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/transfer/export").param("unit", "N-VLINH").param("year", "2020").param("format", "csv")
                .with(as("xa2"))).andExpect(status().isForbidden());
        mvc.perform(get("/transfer/template").param("unit", "TT-T02").param("year", "2020").with(as("xa2")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/transfer/template").param("unit", "TT-T02").param("year", "2020").with(as("thon1")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/transfer/jobs/" + id).with(as("xa2"))).andExpect(status().isNotFound());
        mvc.perform(get("/transfer/jobs/" + id + "/status").with(as("xa2"))).andExpect(status().isNotFound());
        mvc.perform(get("/transfer/jobs/" + id + "/errors.csv").with(as("xa2"))).andExpect(status().isNotFound());
        mvc.perform(post("/transfer/jobs/" + id + "/commit").with(as("xa2")).with(csrf()))
                .andExpect(status().isNotFound());
        // the other commune's officer imports a row of this commune's hamlet: an error, nothing written
        ImportJob outside = dryRun("xa2", csv("TT-T02,Phạm Vi Kiểm Tra,1980,Nam,,FARMER,,"), "DRAFT");
        assertThat(errorCells(outside)).containsExactly("2|Mã thôn");
        // a viewer reads and exports but never imports
        mvc.perform(multipart("/transfer/import").file(new MockMultipartFile("file", "a.csv", "text/csv",
                        csv("TT-T02,Người Xem,1980,Nam,,FARMER,,").getBytes(StandardCharsets.UTF_8)))
                .param("year", "2020").with(as("xem")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/transfer/jobs/" + id + "/commit").with(as("xem")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/transfer/export").param("unit", "TT-T02").param("year", "2020").with(as("xem")))
                .andExpect(status().isOk());
        // the owner sees the page and the JSON progress
        mvc.perform(get("/transfer/jobs/" + id).with(as("xa1"))).andExpect(status().isOk());
        mvc.perform(get("/transfer/jobs/" + id + "/status").with(as("xa1"))).andExpect(status().isOk());
        mvc.perform(get("/transfer").with(as("xem"))).andExpect(status().isOk());
    }

    /** The done-condition: a commune officer imports a hamlet's 2,000 citizens and scores from the template. */
    @Test
    void a_hamlet_of_2000_citizens_goes_in_through_the_template_and_comes_back_out() throws Exception {
        byte[] template = download("xa1", "/transfer/template?unit=TT-T02&year=2020");
        byte[] filled;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Mã thôn");
            int first = sheet.getLastRowNum() + 1;
            for (int i = 0; i < 2000; i++) {
                Row row = sheet.createRow(first + i);
                row.createCell(0).setCellValue("TT-T02");
                row.createCell(1).setCellValue("Công Dân Hai Nghìn " + i);
                row.createCell(2).setCellValue(1950 + i % 50);
                row.createCell(3).setCellValue(i % 2 == 0 ? "Nam" : "Nữ");
                row.createCell(5).setCellValue(i % 3 == 0 ? "WORKER" : "FARMER");
                row.createCell(6).setCellValue(2020);
                for (int k = 0; k < 10; k++) {
                    row.createCell(7 + k).setCellValue(5 + (i + k) % 6);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            filled = out.toByteArray();
        }
        ImportJob dry = await("xa1", upload("xa1", "thon-hai.xlsx", filled, "SUBMITTED", 2020));
        assertThat(dry.getReport().hasErrors()).as(String.valueOf(dry.getReport().shownErrors())).isFalse();
        assertThat(dry.getReport().created()).isEqualTo(2000);
        assertThat(count("select count(*) from citizen where full_name like 'Công Dân Hai Nghìn %'")).isZero();
        ImportJob done = commit("xa1", dry.getId());
        assertThat(done.getReport().committed()).as(done.getFailure()).isTrue();
        assertThat(count("select count(*) from citizen where full_name like 'Công Dân Hai Nghìn %'"))
                .isEqualTo(2000);
        assertThat(count("""
                select count(*) from assessment a join citizen c on c.id = a.citizen_id
                where c.full_name like 'Công Dân Hai Nghìn %' and a.state = 'SUBMITTED'
                  and a.self_total is not null""")).isEqualTo(2000);
        // the roll-ups were refreshed for the hamlet (2020 row of the unit's year table)
        assertThat(count("select count(*) from audit_event where action = 'ASSESSMENT_IMPORTED' "
                + "and details like '%thon-hai.xlsx%'")).isEqualTo(2000);

        byte[] csvExport = download("xa1", "/transfer/export?unit=TT-T02&year=2020&format=csv");
        try (CSVParser parser = CSVParser.parse(new String(csvExport, StandardCharsets.UTF_8).substring(1),
                CSVFormat.DEFAULT)) {
            List<CSVRecord> records = parser.getRecords();
            assertThat(records.get(0).get(0)).isEqualTo("Mã thôn");
            assertThat(records.stream().filter(r -> r.get(1).startsWith("Công Dân Hai Nghìn"))).hasSize(2000);
        }
        ImportJob back = await("xa1", upload("xa1", "xuat-thon-hai.csv", csvExport, "SUBMITTED", 2020));
        assertThat(back.getReport().hasErrors()).as(String.valueOf(back.getReport().shownErrors())).isFalse();
        assertThat(back.getReport().created() + back.getReport().updated()).isZero();
    }

    private void assertRefused(String name, byte[] content, String key) throws Exception {
        MvcResult result = uploadRequest("xa1", name, content, "DRAFT", 2020);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/transfer");
        assertThat(result.getFlashMap().get("transferError")).isEqualTo(key);
    }

    private void assertDryRunFails(String name, byte[] content, String message) throws Exception {
        ImportJob job = await("xa1", upload("xa1", name, content, "DRAFT", 2020));
        assertThat(job.getStatus()).isEqualTo(ImportJob.Status.FAILED);
        assertThat(job.getFailure()).contains(message);
    }

    /** A zip whose one entry inflates from a few kilobytes to 200 MB. */
    private static byte[] zipBomb() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 200; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static byte[] plainZip() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("hello".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** A workbook with the template's header and these rows; a value starting with = becomes a formula. */
    private static byte[] workbook(List<List<String>> rows) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("Dữ liệu");
            String[] header = TransferTestSupport.HEADER.split(",");
            Row head = sheet.createRow(0);
            for (int c = 0; c < header.length; c++) {
                head.createCell(c).setCellValue(header[c]);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    String value = rows.get(r).get(c);
                    if (value.startsWith("=")) {
                        row.createCell(c).setCellFormula(value.substring(1));
                    } else {
                        row.createCell(c).setCellValue(value);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }
}
