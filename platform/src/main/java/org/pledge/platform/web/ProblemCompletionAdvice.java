package org.pledge.platform.web;

import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Completes every {@link ProblemDetail} any controller or exception handler of a service answers with, as it is
 * written: a {@code code} (from the problem, else from its {@code urn:pledge:problem:} type, else from the status),
 * the type {@code urn:pledge:problem:<code>} in place of {@code about:blank} or any other type, a title, a detail
 * and the instance. So a service's own {@code @ExceptionHandler} cannot answer a problem without them.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemCompletionAdvice implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selectedContentType,
                                  Class<? extends HttpMessageConverter<?>> selectedConverterType,
                                  ServerHttpRequest request, ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem) {
            String path = request instanceof ServletServerHttpRequest servlet
                    ? servlet.getServletRequest().getRequestURI() : request.getURI().getRawPath();
            Problems.complete(problem, null, path);
        }
        return body;
    }
}
