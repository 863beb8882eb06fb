package vn.khuyenhoc.cdht.benchdata;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.NotFoundException;

/**
 * The load harness's framework floor: a page behind the same security, session and layout as every other page,
 * with no database work of its own, so that its throughput is what the framework alone costs. 404 unless
 * {@code cdht.bench.floor=true} (bench/run-all.sh sets it).
 */
@Controller
class FloorController {

    private boolean enabled;

    FloorController(@Value("${cdht.bench.floor:false}") boolean enabled) {
        this.enabled = enabled;
    }

    @GetMapping("/bench/floor")
    String floor(@AuthenticationPrincipal CurrentUser user, Model model) {
        if (!enabled) {
            throw new NotFoundException("bench floor page (cdht.bench.floor is off)");
        }
        model.addAttribute("username", user.username());
        return "benchdata/floor";
    }
}
