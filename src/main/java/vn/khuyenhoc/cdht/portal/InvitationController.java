package vn.khuyenhoc.cdht.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Year;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khuyenhoc.cdht.area.UnitScope;
import vn.khuyenhoc.cdht.community.UnitLevels;
import vn.khuyenhoc.cdht.document.PdfRenderer;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.NotFoundException;

/** Staff pages of the portal: invitations, the slips to print, and the online share per unit. */
@Controller
@RequestMapping("/portal/invitations")
class InvitationController {

    static final int QR_SIZE = 240;

    private final Invitations invitations;
    private final UnitScope scope;
    private final PdfRenderer pdf;
    private final PortalProperties properties;
    private final IssuedCodes codes;

    InvitationController(Invitations invitations, UnitScope scope, PdfRenderer pdf,
            PortalProperties properties, IssuedCodes codes) {
        this.invitations = invitations;
        this.codes = codes;
        this.scope = scope;
        this.pdf = pdf;
        this.properties = properties;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) Long unit, Model model) {
        int shown = year == null ? Year.now().getValue() : year;
        model.addAttribute("year", shown);
        model.addAttribute("unit", unit);
        model.addAttribute("rows", invitations.list(user, shown, unit));
        model.addAttribute("shares", invitations.onlineShare(user, shown, unit));
        model.addAttribute("mayIssue", scope.mayWrite(user));
        model.addAttribute("units", scope.mayWrite(user) ? scope.unitOptions(user, UnitLevels.RESIDENCE) : List.of());
        return "portal/invitations";
    }

    @GetMapping("/new")
    String citizens(@AuthenticationPrincipal CurrentUser user, @RequestParam long unit,
            @RequestParam(required = false) Integer year, Model model) {
        scope.requireWritable(user, unit);
        int shown = year == null ? Year.now().getValue() : year;
        model.addAttribute("year", shown);
        model.addAttribute("unit", scope.requireVisible(user, unit));
        model.addAttribute("citizens", invitations.citizensOf(user, unit, shown));
        return "portal/issue";
    }

    @PostMapping("/citizen")
    String issueOne(@AuthenticationPrincipal CurrentUser user, @RequestParam long citizen, @RequestParam int year,
            HttpServletRequest request, RedirectAttributes redirect) {
        try {
            keep(user, request, invitations.issue(user, citizen, year));
            return "redirect:/portal/invitations/issued";
        } catch (BusinessRuleException e) {
            return refused(redirect, e, year);
        }
    }

    @PostMapping("/unit")
    String issueForUnit(@AuthenticationPrincipal CurrentUser user, @RequestParam long unit, @RequestParam int year,
            HttpServletRequest request, RedirectAttributes redirect) {
        try {
            keep(user, request, invitations.issueForUnit(user, unit, year));
            return "redirect:/portal/invitations/issued";
        } catch (BusinessRuleException e) {
            return refused(redirect, e, year);
        }
    }

    @GetMapping("/issued")
    String issued(@AuthenticationPrincipal CurrentUser user, HttpSession session, Model model) {
        IssuedBatch batch = batch(user, session);
        model.addAttribute("slips", slips(batch, false));
        model.addAttribute("year", batch.invitations().get(0).year());
        return "portal/issued";
    }

    @GetMapping("/issued/slips.pdf")
    ResponseEntity<byte[]> slipsPdf(@AuthenticationPrincipal CurrentUser user, HttpSession session) {
        IssuedBatch batch = batch(user, session);
        byte[] body = pdf.render("portal/pdf/slips", Map.of("slips", slips(batch, true)),
                Locale.forLanguageTag("vi"));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("phieu-moi-tu-danh-gia.pdf").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    @PostMapping("/{id}/revoke")
    String revoke(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) Integer year, RedirectAttributes redirect) {
        try {
            invitations.revoke(user, id);
            redirect.addFlashAttribute("success", "portal.revoke.done");
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("failure", e.messageKey());
        }
        return "redirect:/portal/invitations" + (year == null ? "" : "?year=" + year);
    }

    /** The codes go to the database, sealed; the session keeps only the batch's id (and forgets the previous one). */
    private void keep(CurrentUser user, HttpServletRequest request, List<IssuedInvitation> issued) {
        HttpSession session = request.getSession();
        if (session.getAttribute(IssuedBatch.SESSION_ATTRIBUTE) instanceof String previous) {
            codes.forget(previous);
        }
        session.setAttribute(IssuedBatch.SESSION_ATTRIBUTE,
                codes.keep(new IssuedBatch(user.userId(), PortalController.base(request, properties), issued)));
    }

    private IssuedBatch batch(CurrentUser user, HttpSession session) {
        Object id = session.getAttribute(IssuedBatch.SESSION_ATTRIBUTE);
        return codes.find(id instanceof String s ? s : null, user.userId())
                .filter(batch -> batch.userId() == user.userId() && !batch.invitations().isEmpty())
                .orElseThrow(() -> new NotFoundException("no invitations issued in this session"));
    }

    private static List<Slip> slips(IssuedBatch batch, boolean withQr) {
        return batch.invitations().stream().map(i -> new Slip(i.citizenName(), i.unitName(), i.year(),
                i.reference(), i.displayCode(), batch.link(i),
                withQr ? QrCodes.pngDataUri(batch.link(i), QR_SIZE) : null, i.expiresAt())).toList();
    }

    private static String refused(RedirectAttributes redirect, BusinessRuleException e, int year) {
        redirect.addFlashAttribute("failureMessage", e.messageKey());
        redirect.addFlashAttribute("failureArgs", e.arguments());
        return "redirect:/portal/invitations?year=" + year;
    }
}
