package io.laxin.kernel.identity;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import io.laxin.kernel.web.RequestIds;
import org.slf4j.MDC;

import java.net.URI;

/** Signs every Feign call a service makes with its own SERVICE identity, and passes the request id on. */
public class ServiceIdentityInterceptor implements RequestInterceptor {

    private final IdentitySigner signer;
    private final Caller self;

    public ServiceIdentityInterceptor(IdentitySigner signer, String applicationName) {
        this.signer = signer;
        this.self = Caller.service(applicationName);
    }

    @Override
    public void apply(RequestTemplate template) {
        String path = URI.create(template.feignTarget().url() + template.path()).getRawPath();
        signer.sign(self, template.method(), path).forEach((name, value) -> {
            template.removeHeader(name);
            template.header(name, value);
        });
        String requestId = MDC.get(RequestIds.MDC_KEY);
        if (requestId != null) {
            template.header(RequestIds.HEADER, requestId);
        }
    }
}
