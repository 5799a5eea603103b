package com.mspscorecard.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class DashboardController {

    static final String VIEW = "dashboard";

    @GetMapping("/")
    String dashboard() {
        return VIEW;
    }
}
