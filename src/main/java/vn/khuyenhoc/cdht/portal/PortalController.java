package vn.khuyenhoc.cdht.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.khuyenhoc.cdht.assessment.AssessmentConflictException;
import vn.khuyenhoc.cdht.assessment.AssessmentDetail;
import vn.khuyenhoc.cdht.assessment.ScoresForm;
import vn.khuyenhoc.cdht.assessment.ScorePreview;
import vn.khuyenhoc.cdht.assessment.SelfAssessments;
import vn.khuyenhoc.cdht.criteria.InvalidScoresException;
import vn.khuyenhoc.cdht.evidence.EvidenceFiles;
import vn.khuyenhoc.cdht.criteria.ScoreProblem;
import vn.khuyenhoc.cdht.recognition.RecognitionNotices;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;

/**
 * The citizens' pages, mobile first: sign in (invitation code and birth year, PIN, magic link), the year's
 * self-assessment, PIN and link settings, sign out. Every page after sign-in works on the signed-in citizen's own
 * data only; nothing in a URL or form names a citizen or an assessment.
 */
@Controller
@RequestMapping("/c")
class PortalController {

    private final CitizenAccess access;
    private final CitizenSessions sessions;
    private final SelfAssessments selfAssessments;
    private final PortalProperties properties;
    private final RecognitionNotices recognitions;
    private final EvidenceFiles evidence;

    PortalController(CitizenAccess access, CitizenSessions sessions, SelfAssessments selfAssessments,
            PortalProperties properties, RecognitionNotices recognitions, EvidenceFiles evidence) {
        this.evidence = evidence;
        this.recognitions = recognitions;
        this.access = access;
        this.sessions = sessions;
        this.selfAssessments = selfAssessments;
        this.properties = properties;
    }

    /** Thrown when a page needs a signed-in citizen and there is none: back to the sign-in page. */
    static final class SignInRequired extends RuntimeException {

        SignInRequired() {
            super(null, null, false, false);
        }
    }

    @ExceptionHandler(SignInRequired.class)
    String signIn() {
        return "redirect:/c?signin";
    }

    @GetMapping
    String start(@RequestAttribute(name = PortalSecurityConfig.CITIZEN_ATTRIBUTE, required = false) Long citizen,
            Model model) {
        if (citizen != null) {
            return "redirect:/c/a";
        }
        model.addAttribute("code", "");
        return "portal/start";
    }

    @GetMapping("/i/{code}")
    String invitation(@PathVariable String code, Model model) {
        String normalized = Secrets.normalize(code);
        model.addAttribute("code", normalized == null ? "" : Secrets.display(normalized));
        return "portal/start";
    }

    @PostMapping("/i")
    String prove(@RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String birthYear, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        try {
            CitizenAccess.Entry entry = access.prove(code, parseYear(birthYear), request.getRemoteAddr());
            signedIn(request, response, entry);
            model.addAttribute("overview", access.overview(entry.citizenId()));
            model.addAttribute("magicLink", magicLink(request, entry.magicToken()));
            return "portal/welcome";
        } catch (BusinessRuleException e) {
            refused(e, response, model);
            model.addAttribute("code", code);
            model.addAttribute("birthYear", birthYear);
            return "portal/start";
        }
    }

    @GetMapping("/login")
    String pinForm() {
        return "portal/login";
    }

    @PostMapping("/login")
    String pinSignIn(@RequestParam(defaultValue = "") String reference, @RequestParam(defaultValue = "") String pin,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            signedIn(request, response, access.signInWithPin(reference, pin, request.getRemoteAddr()));
            return "redirect:/c/a";
        } catch (BusinessRuleException e) {
            refused(e, response, model);
            model.addAttribute("reference", reference);
            return "portal/login";
        }
    }

    @GetMapping("/m/{token}")
    String magicSignIn(@PathVariable String token, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        try {
            signedIn(request, response, access.signInWithMagicLink(token, request.getRemoteAddr()));
            return "redirect:/c/a";
        } catch (BusinessRuleException e) {
            refused(e, response, model);
            model.addAttribute("code", "");
            return "portal/start";
        }
    }

    @GetMapping("/a")
    String assessment(@RequestAttribute(name = PortalSecurityConfig.CITIZEN_ATTRIBUTE, required = false) Long citizen,
            @RequestParam(required = false) String done, @RequestParam(required = false) String refused,
            Model model) {
        long id = require(citizen);
        CitizenAccess.Overview overview = access.overview(id);
        // a file the evidence upload refused (PortalEvidenceController): its reason, with the limits it names
        evidence.refusal(refused).ifPresent(problem -> model.addAttribute("problem", problem));
        model.addAttribute("overview", overview);
        model.addAttribute("done", done);
        try {
            AssessmentDetail detail = selfAssessments.open(id, overview.year());
            return form(model, detail, ScoresForm.ofSelfScores(detail));
        } catch (BusinessRuleException e) {
            model.addAttribute("problem", e);
            return "portal/assessment";
        }
    }

    @PostMapping("/a")
    String save(@RequestAttribute(name = PortalSecurityConfig.CITIZEN_ATTRIBUTE, required = false) Long citizen,
            @ModelAttribute("form") ScoresForm form, BindingResult binding, Model model) {
        return saveAndMaybeSubmit(require(citizen), form, binding, false, model);
    }

    @PostMapping("/a/submit")
    String submit(@RequestAttribute(name = PortalSecurityConfig.CITIZEN_ATTRIBUTE, required = false) Long citizen,
            @ModelAttribute("form") ScoresForm form, BindingResult binding, Model model) {
        return saveAndMaybeSubmit(require(citizen), form, binding, true, model);
    }

    @PostMapping("/a/preview")
    String preview(@RequestAttribute(name = PortalSecurityConfig.CITIZEN_ATTRIBUTE, required = false) Long citizen,
            @ModelAttribute("form") ScoresForm form, BindingResult binding, Model model) {
        long id = require(citizen);
        model.addAttribute("preview", selfAssessments.preview(id, access.overview(id).year(), form.scores()));
        return "portal/fragments :: result";
    }

    @GetMapping("/pin")
    String pinSettings(@RequestAttribute(name = PortalSecurityConfig.CITIZEN_ATTRIBUTE, required = false) Long citizen,
            Model model) {
        model.addAttribute("overview", access.overview(require(citizen)));
        return "portal/pin";
    }

    @PostMapping("/pin")
    String setPin(@RequestAttribute(name = PortalSecurityConfig.CITIZEN_ATTRIBUTE, required = false) Long citizen,
            @RequestParam(defaultValue = "") String pin, @RequestParam(defaultValue = "") String confirmation,
            Model model) {
        long id = require(citizen);
        try {
            access.setPin(id, pin, confirmation);
            return "redirect:/c/a?done=pin";
        } catch (BusinessRuleException e) {
            model.addAttribute("problem", e);
            model.addAttribute("overview", access.overview(id));
            return "portal/pin";
        }
    }

    @PostMapping("/link")
    String renewLink(@RequestAttribute(name = PortalSecurityConfig.CITIZEN_ATTRIBUTE, required = false) Long citizen,
            HttpServletRequest request, Model model) {
        long id = require(citizen);
        model.addAttribute("magicLink", magicLink(request, access.renewMagicLink(id)));
        model.addAttribute("overview", access.overview(id));
        return "portal/pin";
    }

    @PostMapping("/logout")
    String logout(HttpServletRequest request, HttpServletResponse response) {
        sessions.close(PortalSecurityConfig.cookie(request, PortalSecurityConfig.COOKIE));
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, "", Duration.ZERO).toString());
        return "redirect:/c?out";
    }

    private String saveAndMaybeSubmit(long citizen, ScoresForm form, BindingResult binding, boolean submit,
            Model model) {
        CitizenAccess.Overview overview = access.overview(citizen);
        model.addAttribute("overview", overview);
        int year = overview.year();
        if (binding.hasErrors()) {
            model.addAttribute("problem", new BusinessRuleException("portal.score.notNumber"));
            return form(model, selfAssessments.open(citizen, year), form);
        }
        try {
            long version = selfAssessments.save(citizen, year, form.entries(), form.getVersion());
            if (submit) {
                selfAssessments.submit(citizen, year, version);
                return "redirect:/c/a?done=submitted";
            }
            return "redirect:/c/a?done=saved";
        } catch (InvalidScoresException e) {
            model.addAttribute("problems", e.problems());
            AssessmentDetail detail = selfAssessments.open(citizen, year);
            if (submit && detail.version() != form.getVersion()) {
                // the scores were saved; only the submission was refused
                return form(model, detail, ScoresForm.ofSelfScores(detail));
            }
            return form(model, detail, form);
        } catch (AssessmentConflictException e) {
            model.addAttribute("problem", e);
            AssessmentDetail detail = selfAssessments.open(citizen, year);
            form.setVersion(detail.version());
            return form(model, detail, form);
        } catch (BusinessRuleException e) {
            model.addAttribute("problem", e);
            AssessmentDetail detail = selfAssessments.open(citizen, year);
            return form(model, detail, ScoresForm.ofSelfScores(detail));
        }
    }

    private String form(Model model, AssessmentDetail detail, ScoresForm form) {
        model.addAttribute("detail", detail);
        model.addAttribute("form", form);
        model.addAttribute("editable", detail.may("EDIT"));
        // the outcome, once a decision is issued: the citizen's own assessment only (detail came from their session)
        model.addAttribute("recognition", recognitions.forAssessment(detail.id()).orElse(null));
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.<ScoreProblem>of());
        }
        ScorePreview preview = selfAssessments.preview(detail.citizenId(), detail.year(), form.scores());
        model.addAttribute("preview", preview);
        return "portal/assessment";
    }

    private void signedIn(HttpServletRequest request, HttpServletResponse response, CitizenAccess.Entry entry) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, entry.sessionToken(),
                properties.sessionMaxAge()).toString());
    }

    private static ResponseCookie cookie(HttpServletRequest request, String value, Duration maxAge) {
        return ResponseCookie.from(PortalSecurityConfig.COOKIE, value).path("/c").httpOnly(true)
                .secure(request.isSecure()).sameSite("Lax").maxAge(maxAge).build();
    }

    private String magicLink(HttpServletRequest request, String token) {
        return base(request, properties) + "/c/m/" + token;
    }

    static String base(HttpServletRequest request, PortalProperties properties) {
        if (!properties.baseUrl().isEmpty()) {
            return properties.baseUrl();
        }
        return ServletUriComponentsBuilder.fromContextPath(request).replacePath(request.getContextPath())
                .replaceQuery(null).build().toUriString();
    }

    private static void refused(BusinessRuleException e, HttpServletResponse response, Model model) {
        model.addAttribute("problem", e);
        if ("portal.throttled".equals(e.messageKey())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        }
    }

    private static long require(Long citizen) {
        if (citizen == null) {
            throw new SignInRequired();
        }
        return citizen;
    }

    private static Integer parseYear(String typed) {
        String value = typed == null ? "" : typed.trim();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
