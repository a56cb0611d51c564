package cn.invoicehelp.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The console pages (static HTML + plain JS under /console-assets; data from the JSON APIs). */
@Controller
class ConsolePages {

    @GetMapping({"/console", "/console/"})
    String console() {
        return "forward:/console-assets/index.html";
    }

    @GetMapping("/console/agents")
    String agents() {
        return "forward:/console-assets/agents.html";
    }
}
