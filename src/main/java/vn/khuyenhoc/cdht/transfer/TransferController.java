package vn.khuyenhoc.cdht.transfer;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khuyenhoc.cdht.assessment.AssessmentState;
import vn.khuyenhoc.cdht.area.UnitScope;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.CurrentUser;

/** The "Nhập/Xuất dữ liệu" pages: templates, upload, dry run, commit, progress, export. */
@Controller
@RequestMapping("/transfer")
class TransferController {

    private final ImportJobs jobs;
    private final Transfers transfers;
    private final UnitScope scope;

    TransferController(ImportJobs jobs, Transfers transfers, UnitScope scope) {
        this.jobs = jobs;
        this.transfers = transfers;
        this.scope = scope;
    }

    @GetMapping
    String index(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("mayImport", scope.mayWrite(user));
        model.addAttribute("year", Year.now().getValue());
        return "transfer/index";
    }

    @GetMapping("/template")
    void template(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String unit,
            @RequestParam int year, Locale locale, HttpServletResponse response) throws IOException {
        // checks before the first byte, so that a refusal is a proper error page
        if (unit != null && !unit.isBlank()) {
            transfers.requireUnit(user, unit);
        }
        Transfers.requireYear(year);
        String name = "mau-nhap-" + (unit == null || unit.isBlank() ? "" : unit.trim() + "-") + year + ".xlsx";
        attachment(response, Exporter.XLSX_TYPE, name);
        transfers.template(user, unit, year, locale, response.getOutputStream());
    }

    @GetMapping("/export")
    void export(@AuthenticationPrincipal CurrentUser user, @RequestParam String unit, @RequestParam int year,
            @RequestParam(defaultValue = "xlsx") String format, Locale locale, HttpServletResponse response)
            throws IOException {
        transfers.requireUnit(user, unit);
        Transfers.requireYear(year);
        Exporter.Format chosen = "csv".equalsIgnoreCase(format) ? Exporter.Format.CSV : Exporter.Format.XLSX;
        String name = "cdht-" + unit.trim() + "-" + year + (chosen == Exporter.Format.CSV ? ".csv" : ".xlsx");
        attachment(response, chosen == Exporter.Format.CSV ? "text/csv;charset=UTF-8" : Exporter.XLSX_TYPE, name);
        transfers.export(user, unit, year, chosen, locale, response.getOutputStream());
    }

    @PostMapping("/import")
    String upload(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "DRAFT") AssessmentState state, @RequestParam int year, Locale locale,
            RedirectAttributes redirect) throws IOException {
        try {
            if (file == null) {
                throw new BusinessRuleException("transfer.file.empty");
            }
            ImportJob job = jobs.upload(user, file.getOriginalFilename(), file.getSize(), file.getInputStream(),
                    state, year, locale);
            return "redirect:/transfer/jobs/" + job.getId();
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("transferError", e.messageKey());
            redirect.addFlashAttribute("transferErrorArgs", e.arguments());
            return "redirect:/transfer";
        }
    }

    @GetMapping("/jobs/{id}")
    String job(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, Model model) {
        model.addAttribute("job", jobs.get(user, id));
        return "transfer/job";
    }

    @GetMapping("/jobs/{id}/status")
    @ResponseBody
    Map<String, Object> status(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        ImportJob job = jobs.get(user, id);
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("phase", job.getPhase());
        status.put("status", job.getStatus());
        status.put("processed", job.getProcessed());
        status.put("total", job.getTotal());
        status.put("percent", job.getPercent());
        status.put("finished", job.isFinished());
        return status;
    }

    @PostMapping("/jobs/{id}/commit")
    String commit(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
            RedirectAttributes redirect) {
        try {
            jobs.commit(user, id);
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("transferError", e.messageKey());
            redirect.addFlashAttribute("transferErrorArgs", e.arguments());
        }
        return "redirect:/transfer/jobs/" + id;
    }

    @GetMapping("/jobs/{id}/errors.csv")
    void errors(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, HttpServletResponse response)
            throws IOException {
        byte[] csv = jobs.errorsCsv(user, id);
        attachment(response, "text/csv;charset=UTF-8", "loi-nhap-du-lieu.csv");
        response.getOutputStream().write(csv);
    }

    private static void attachment(HttpServletResponse response, String type, String name) {
        response.setContentType(type);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(name, java.nio.charset.StandardCharsets.UTF_8).build().toString());
    }
}
