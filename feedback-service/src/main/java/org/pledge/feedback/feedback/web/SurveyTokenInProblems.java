package org.pledge.feedback.feedback.web;

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
 * Every problem answered on a survey path (a validation problem of the platform's too) names the path with the token
 * replaced ({@link FeedbackProblems#instance}): the token is a credential, not repeated in an answer. Runs before the
 * platform's completion, which then keeps this instance.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SurveyTokenInProblems implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selectedContentType,
                                  Class<? extends HttpMessageConverter<?>> selectedConverterType,
                                  ServerHttpRequest request, ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem && request instanceof ServletServerHttpRequest servlet) {
            String path = servlet.getServletRequest().getRequestURI();
            if (path.startsWith("/api/surveys/") || path.startsWith("/surveys/")) {
                problem.setInstance(java.net.URI.create(FeedbackProblems.instance(servlet.getServletRequest())));
            }
        }
        return body;
    }
}
