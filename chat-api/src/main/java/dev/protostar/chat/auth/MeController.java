package dev.protostar.chat.auth;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the key belongs to, so a client (the web page) shows admins what only they may do. */
@RestController
class MeController {

    @GetMapping("/api/v1/me")
    Caller me(HttpServletRequest request) {
        return Caller.of(request);
    }
}
