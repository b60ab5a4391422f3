package io.laxin.gateway.flow;

import io.laxin.gateway.routing.AuthenticationWebFilter;
import io.laxin.kernel.api.CommonErrorCode;
import io.laxin.kernel.error.LaxinException;
import io.laxin.kernel.identity.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The flow rules in force, changeable at run time by an ADMIN (the access policy already requires ADMIN on
 * {@code /api/v1/admin/gateway/**}; this checks again). Changes live until the next restart or reset.
 */
@RestController
@RequestMapping("/api/v1/admin/gateway/flow-rules")
public class FlowRulesController {

    private final ObjectProvider<FlowRules> flowRules;

    public FlowRulesController(ObjectProvider<FlowRules> flowRules) {
        this.flowRules = flowRules;
    }

    private FlowRules rules() {
        FlowRules rules = flowRules.getIfAvailable();
        if (rules == null) {
            throw new LaxinException(CommonErrorCode.NOT_FOUND, "Flow control is off (laxin.gateway.flow.enabled)");
        }
        return rules;
    }

    @GetMapping
    public FlowSettings current(ServerWebExchange exchange) {
        AuthenticationWebFilter.caller(exchange).requireStaff(Role.ADMIN);
        return rules().current();
    }

    @PutMapping
    public FlowSettings replace(@RequestBody FlowSettings settings, ServerWebExchange exchange) {
        AuthenticationWebFilter.caller(exchange).requireStaff(Role.ADMIN);
        rules().apply(settings);
        return rules().current();
    }

    /** Back to the rules in configuration. */
    @DeleteMapping
    public FlowSettings reset(ServerWebExchange exchange) {
        AuthenticationWebFilter.caller(exchange).requireStaff(Role.ADMIN);
        rules().reset();
        return rules().current();
    }
}
