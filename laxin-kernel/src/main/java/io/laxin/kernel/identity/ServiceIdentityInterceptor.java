package io.laxin.kernel.identity;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import io.laxin.kernel.web.RequestIds;
import java.net.URI;
import org.slf4j.MDC;

/**
 * Signs every Feign call a service makes with its own {@code SERVICE} identity and its own key, for the service the
 * client names ({@code @FeignClient(name = "<service>")}), over method, path, query and body (ADR 0007); and passes
 * the request id on.
 */
public class ServiceIdentityInterceptor implements RequestInterceptor {

    private final IdentitySigner signer;
    private final Caller self;

    public ServiceIdentityInterceptor(IdentitySigner signer, String applicationName) {
        this.signer = signer;
        this.self = Caller.service(applicationName);
    }

    @Override
    public void apply(RequestTemplate template) {
        URI uri = URI.create(template.feignTarget().url() + template.url());
        InternalRequest request = new InternalRequest(
                template.method(),
                uri.getRawPath(),
                uri.getRawQuery(),
                template.body(),
                template.feignTarget().name());
        signer.sign(self, request).forEach((name, value) -> {
            template.removeHeader(name);
            template.header(name, value);
        });
        String requestId = MDC.get(RequestIds.MDC_KEY);
        if (requestId != null) {
            template.header(RequestIds.HEADER, requestId);
        }
    }
}
