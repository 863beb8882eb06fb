package vn.khuyenhoc.cdht.account;

import org.springframework.security.core.Authentication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

    private final SetupToken setupToken;

    LoginController(SetupToken setupToken) {
        this.setupToken = setupToken;
    }

    @GetMapping("/login")
    String login(Authentication authentication, @RequestParam(required = false) String error, Model model) {
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "redirect:/";
        }
        model.addAttribute("error", error == null ? null : switch (error) {
            case "throttled" -> "login.error.throttled";
            default -> "login.error.bad";
        });
        model.addAttribute("setupPending", setupToken.active());
        return "account/login";
    }
}
